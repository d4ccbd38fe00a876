using System.Data.Common;
using ContactOS.Storage.Dialects;

namespace ContactOS.Storage.EventLog;

/// <summary>
/// The dialect-specific half of the event log: how one group is written in one transaction with exact positions and
/// exact duplicate detection, and the raw bulk load used as a benchmark baseline. Reads are portable SQL and stay in
/// <see cref="AdoNetEventLog"/>; the group commit loop is shared.
/// </summary>
internal abstract class EventLogWriter
{
    public static EventLogWriter For(StorageDatabase database) => database switch
    {
        PostgresDatabase => new PostgresEventLogWriter(),
        SqliteDatabase sqlite => new SqliteEventLogWriter(sqlite.Checkpointer),
        _ => throw new NotSupportedException($"The event log has no writer for {database.GetType().Name}."),
    };

    /// <summary>
    /// Stores each row of <paramref name="group"/> that is not stored yet, in one transaction, with positions in row
    /// order above every position committed before, and records every row's position via
    /// <see cref="EventLogGroup.SetStored"/>. Returns once committed.
    /// </summary>
    public abstract Task AppendAsync(DbConnection connection, EventLogGroup group, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="events"/> as they are, in one transaction, without duplicate handling (an id already
    /// stored fails the load) and without results: the physical limit the group commit is measured against.
    /// </summary>
    public abstract Task<long> BulkLoadAsync(
        DbConnection connection, IReadOnlyList<LogEvent> events, DateTime receivedAt, CancellationToken cancellationToken);

    /// <summary>UTC truncated to the microsecond, what PostgreSQL keeps, so an event reads back the same on either database.</summary>
    protected static DateTime ToStoredTime(DateTime utc) => utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
}
