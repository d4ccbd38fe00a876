namespace ContactOS.Runtime;

/// <summary>How a grain timer ticks.</summary>
public sealed record GrainTimerCreationOptions
{
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Time until the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Time between the end of one tick and the next; <see cref="Timeout.InfiniteTimeSpan"/> ticks once.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>When true, ticks may interleave with calls; by default a tick waits for the running call and runs as its own turn.</summary>
    public bool Interleave { get; init; }

    /// <summary>When true, a tick counts as activity and keeps the activation from being collected.</summary>
    public bool KeepAlive { get; init; }
}
