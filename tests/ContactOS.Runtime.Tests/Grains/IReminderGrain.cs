namespace ContactOS.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);

    Task Unregister(string name);

    Task<bool> HasReminder(string name);

    /// <summary>Persisted count of reminder ticks received.</summary>
    Task<int> GetTicks();

    Task Deactivate();
}
