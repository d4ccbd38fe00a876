using ContactOS.Storage.Dialects;

namespace ContactOS.Storage.EventLog;

/// <summary>
/// Inserts events into the event log table the fastest raw way the database offers (PostgreSQL: binary COPY into the
/// table; SQLite: one transaction of prepared inserts), without group commit, duplicate handling or per-event results.
/// It is the baseline that benchmarks set <see cref="IEventLog.AppendAsync"/> against, and can seed a log with events
/// known to be new; an event id already stored fails the whole load. Registered by <c>AddContactOSStorage</c>.
/// </summary>
public sealed class EventLogBulkLoader
{
    private readonly StorageDatabase _database;
    private readonly EventLogWriter _writer;
    private readonly TimeProvider _timeProvider;

    internal EventLogBulkLoader(StorageDatabase database, TimeProvider timeProvider)
    {
        _database = database;
        _writer = EventLogWriter.For(database);
        _timeProvider = timeProvider;
    }

    /// <summary>Inserts <paramref name="events"/> in one transaction and returns how many rows were inserted.</summary>
    public Task<long> LoadAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var receivedAt = _timeProvider.GetUtcNow().UtcDateTime;
        return _database.RunAsync(connection => _writer.BulkLoadAsync(connection, events, receivedAt, cancellationToken), cancellationToken);
    }
}
