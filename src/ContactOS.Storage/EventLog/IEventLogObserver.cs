namespace ContactOS.Storage.EventLog;

/// <summary>
/// Sees every batch the log commits, in commit order (so in position order), before the batch's caller is answered.
/// This is how the silo feeds its own appends to the grains in log order without reading them back. Called on the
/// log's single writer: it must be quick and must not throw.
/// </summary>
public interface IEventLogObserver
{
    /// <param name="events">The batch as appended.</param>
    /// <param name="results">For each event, its position and whether it was a duplicate.</param>
    void OnCommitted(IReadOnlyList<LogEvent> events, IReadOnlyList<AppendResult> results);
}
