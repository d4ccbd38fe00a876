namespace ContactOS.Runtime;

/// <summary>A timer owned by one activation; disposing it stops further ticks.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the next tick is due and the period after it.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
