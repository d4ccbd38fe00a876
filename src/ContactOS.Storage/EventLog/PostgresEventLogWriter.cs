using System.Data.Common;
using ContactOS.Storage.Dialects;
using Npgsql;
using NpgsqlTypes;

namespace ContactOS.Storage.EventLog;

/// <summary>
/// PostgreSQL: binary COPY straight into <c>contactos_event_log</c>, positions included, under a lock that every
/// appender holds from reserving positions to commit. COPY into a staging table followed by
/// <c>INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING</c> measured about 2.5 times slower here (speculative
/// insertion and a second pass over the rows).
/// Duplicates are rare (a sender retrying), so a group is first copied without looking: the unique constraint catches
/// an event stored already, the transaction rolls back, and the group is written again after finding the stored
/// events (one index probe per row, about a third of the cost of a group). Duplicates come in bursts, so the following
/// groups look first too, for a while.
/// Single-threaded: used by one writer loop.
/// </summary>
internal sealed class PostgresEventLogWriter : EventLogWriter
{
    /// <summary>
    /// Names the transaction-level advisory lock held from position reservation to commit. Any constant works as long
    /// as every ContactOS process uses the same one; it differs from the migration lock.
    /// </summary>
    internal const long AppendLockKey = 0x436F_6E74_4C6F_6731; // "ContLog1"

    /// <summary>How many groups look for stored events first after a group met one.</summary>
    internal const int CheckedGroupsAfterDuplicate = 32;

    private const string EventConstraint = "contactos_event_log_event";

    private const string LockSql = "SELECT pg_advisory_xact_lock(@lock)";

    // After the lock, each statement takes its snapshot once the lock is granted, so it sees every earlier appender's
    // commit, and nothing can change until this transaction commits.
    // Positions come from the identity sequence: nextval then setval reserve a consecutive block, safe because only
    // lock holders draw from it. Sequence changes survive a rollback, so a failed group leaves a gap, never a reuse.
    private const string ReserveSql =
        $"""
        {LockSql};
        SELECT setval(s.sequence, nextval(s.sequence) + @count - 1) - @count + 1
        FROM (SELECT pg_get_serial_sequence('contactos_event_log', 'position')::regclass AS sequence) s
        """;

    // The stored events of the group, by row. It must probe the unique index once per row: a plain join lets the
    // planner, which knows the array's length, pick a hash join over the whole log, a full scan per group that grows
    // with the log. LIMIT 1 (a no-op under the unique constraint) keeps the subquery from being flattened into a join.
    private const string ReserveAndFindStoredSql =
        $"""
        {ReserveSql};
        SELECT x.ordinal - 1, l.position
        FROM unnest(@tenant_ids, @event_ids) WITH ORDINALITY AS x(tenant_id, event_id, ordinal)
        CROSS JOIN LATERAL (
            SELECT position FROM contactos_event_log
            WHERE tenant_id = x.tenant_id AND event_id = x.event_id
            LIMIT 1) l
        """;

    private const string Columns = "tenant_id, event_id, routing_key, event_time, received_at, payload";

    private const string CopySql = $"COPY contactos_event_log (position, {Columns}) FROM STDIN (FORMAT BINARY)";

    private const string BulkCopySql = $"COPY contactos_event_log ({Columns}) FROM STDIN (FORMAT BINARY)";

    private int _checkedGroupsLeft;

    public override async Task AppendAsync(DbConnection connection, EventLogGroup group, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        if (_checkedGroupsLeft > 0)
        {
            _checkedGroupsLeft--;
        }
        else
        {
            try
            {
                await AppendAsync(npgsql, group, findStored: false, cancellationToken);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == EventConstraint)
            {
                // Rolled back: nothing of the group is stored. Positions recorded so far are overwritten below.
                _checkedGroupsLeft = CheckedGroupsAfterDuplicate;
            }
        }

        await AppendAsync(npgsql, group, findStored: true, cancellationToken);
    }

    private static async Task AppendAsync(NpgsqlConnection connection, EventLogGroup group, bool findStored, CancellationToken cancellationToken)
    {
        var rows = group.Rows;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long first;
        await using (var prepare = new NpgsqlCommand(findStored ? ReserveAndFindStoredSql : ReserveSql, connection, transaction))
        {
            prepare.AddParameter("lock", AppendLockKey);
            prepare.AddParameter("count", (long)rows.Count);
            if (findStored)
            {
                var tenantIds = new string[rows.Count];
                var eventIds = new string[rows.Count];
                for (var row = 0; row < rows.Count; row++)
                {
                    tenantIds[row] = rows[row].Event.TenantId;
                    eventIds[row] = rows[row].Event.EventId;
                }

                prepare.AddParameter("tenant_ids", tenantIds);
                prepare.AddParameter("event_ids", eventIds);
            }

            await using var reader = await prepare.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            first = reader.GetInt64(0);
            if (findStored)
            {
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    group.SetStored((int)reader.GetInt64(0), reader.GetInt64(1), alreadyStored: true);
                }
            }
        }

        // A row stored already keeps its reserved position unused: a gap costs nothing.
        await using (var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken))
        {
            for (var row = 0; row < rows.Count; row++)
            {
                if (group.IsAlreadyStored(row))
                {
                    continue;
                }

                var position = first + row;
                group.SetStored(row, position, alreadyStored: false);
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(position, NpgsqlDbType.Bigint, cancellationToken);
                await WriteColumnsAsync(importer, rows[row].Event, rows[row].ReceivedAt, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        group.SetWritten(first - 1, first + rows.Count - 1);
        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task<long> BulkLoadAsync(
        DbConnection connection, IReadOnlyList<LogEvent> events, DateTime receivedAt, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using var transaction = await npgsql.BeginTransactionAsync(cancellationToken);
        // Taken even here so that a load beside a running log still commits positions in order.
        await using (var command = new NpgsqlCommand(LockSql, npgsql, transaction))
        {
            command.AddParameter("lock", AppendLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        ulong loaded;
        await using (var importer = await npgsql.BeginBinaryImportAsync(BulkCopySql, cancellationToken))
        {
            foreach (var logEvent in events)
            {
                await importer.StartRowAsync(cancellationToken);
                await WriteColumnsAsync(importer, logEvent, receivedAt, cancellationToken);
            }

            loaded = await importer.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (long)loaded;
    }

    private static async Task WriteColumnsAsync(
        NpgsqlBinaryImporter importer, LogEvent logEvent, DateTime receivedAt, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(logEvent.TenantId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(logEvent.EventId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(logEvent.RoutingKey, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(ToStoredTime(logEvent.EventTime.UtcDateTime), NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(ToStoredTime(receivedAt), NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(logEvent.Payload, NpgsqlDbType.Bytea, cancellationToken);
    }
}
