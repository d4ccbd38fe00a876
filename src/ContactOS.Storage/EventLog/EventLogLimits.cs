namespace ContactOS.Storage.EventLog;

/// <summary>
/// Bounds of the group commit. <paramref name="MaxGroupEvents"/> caps one transaction, so a commit (and the memory it
/// holds) stays short even under a flood; a single larger call still goes through, alone. <paramref name="MaxQueuedEvents"/>
/// caps the events accepted but not yet committed: beyond it callers wait (back-pressure) instead of growing memory.
/// </summary>
internal sealed record EventLogLimits(int MaxGroupEvents, int MaxQueuedEvents)
{
    /// <summary>
    /// 50,000 events is about 20 MB of typical events and a fraction of a second of writing; a queue of four such
    /// groups keeps the writer busy while callers whose events are already taken wait for their commit.
    /// </summary>
    public static EventLogLimits Default { get; } = new(50_000, 200_000);
}
