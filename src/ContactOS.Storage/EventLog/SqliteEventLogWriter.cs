using System.Data.Common;
using System.Text;
using ContactOS.Storage.Dialects;
using Microsoft.Data.Sqlite;

namespace ContactOS.Storage.EventLog;

/// <summary>
/// SQLite: one write transaction of prepared single-row inserts, the fastest way into SQLite (there is no COPY).
/// SQLite admits one writer per file at a time, so positions, handed out here in the transaction that holds the write
/// lock, follow commit order by construction. Microsoft.Data.Sqlite is synchronous underneath; its Async methods would
/// only add a task per row.
/// </summary>
internal sealed class SqliteEventLogWriter(SqliteCheckpointer checkpointer) : EventLogWriter
{
    // SQLite's default: a commit that takes the write-ahead log past this many pages copies it into the file itself.
    private const int DefaultAutoCheckpointPages = 1_000;

    private const string InsertSql =
        """
        INSERT INTO contactos_event_log (position, tenant_id, event_id, routing_key, event_time, received_at, payload)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        """;

    // Inserts nothing when the event is stored already; the lookup then finds the earlier copy's position.
    private const string AppendSql = InsertSql + " ON CONFLICT (tenant_id, event_id) DO NOTHING";

    // The position to hand out next is above the highest ever handed out (kept even when the newest rows are deleted) and
    // above every stored row (rows written by a program older than schema version 8 did not move the mark).
    private const string LastPositionSql =
        """
        SELECT max(last_position, COALESCE((SELECT max(position) FROM contactos_event_log), 0))
        FROM contactos_event_log_sequence
        """;

    private const string SetLastPositionSql = "UPDATE contactos_event_log_sequence SET last_position = @position";

    private const string LookupSql =
        "SELECT position FROM contactos_event_log WHERE tenant_id = @tenant_id AND event_id = @event_id";

    // Event ids are random, so every insert lands on a random page of the (tenant_id, event_id) index. With SQLite's
    // default 2 MB page cache those pages are read again and again: measured here, a 64 MB cache makes a group of
    // 50,000 inserts over three times faster. The connection is pooled and shared with reads, so the default is put
    // back afterwards, which also frees the pages.
    private const string LargeCacheSql = "PRAGMA cache_size = -65536";

    private const string DefaultCacheSql = "PRAGMA cache_size = -2000";

    public override Task AppendAsync(DbConnection connection, EventLogGroup group, CancellationToken cancellationToken) =>
        AsWriter((SqliteConnection)connection, sqlite => Append(sqlite, group, cancellationToken));

    public override Task<long> BulkLoadAsync(
        DbConnection connection, IReadOnlyList<LogEvent> events, DateTime receivedAt, CancellationToken cancellationToken) =>
        AsWriter((SqliteConnection)connection, sqlite => BulkLoad(sqlite, events, receivedAt, cancellationToken));

    /// <summary>
    /// Runs <paramref name="work"/> with the writer's settings: the large page cache, and no checkpoint inside its commit
    /// (<see cref="SqliteCheckpointer"/> copies the log afterwards, on another thread, and is waited for only when the
    /// log has grown past its limit). The pooled connection gets the defaults back.
    /// </summary>
    private Task<T> AsWriter<T>(SqliteConnection connection, Func<SqliteConnection, T> work)
    {
        if (checkpointer.IsBehind)
        {
            checkpointer.CatchUp();
        }

        using var command = new SqliteCommand(LargeCacheSql, connection);
        command.ExecuteNonQuery();
        SQLitePCL.raw.sqlite3_wal_autocheckpoint(connection.Handle, 0);
        try
        {
            return Task.FromResult(work(connection));
        }
        finally
        {
            SQLitePCL.raw.sqlite3_wal_autocheckpoint(connection.Handle, DefaultAutoCheckpointPages);
            command.CommandText = DefaultCacheSql;
            command.ExecuteNonQuery();
            checkpointer.Request();
        }
    }

    /// <summary>Returns how many rows were inserted (the others were stored already).</summary>
    private static int Append(SqliteConnection sqlite, EventLogGroup group, CancellationToken cancellationToken)
    {
        // Not deferred: takes the write lock up front, so a concurrent writer makes this wait (busy timeout) instead of
        // failing when a read lock cannot be upgraded.
        using var transaction = sqlite.BeginTransaction(deferred: false);
        using var insert = new InsertStatement(sqlite, AppendSql);
        using var lookup = new SqliteCommand(LookupSql, sqlite, transaction);
        var lookupTenant = lookup.Parameters.Add("@tenant_id", SqliteType.Text);
        var lookupEvent = lookup.Parameters.Add("@event_id", SqliteType.Text);
        var last = ReadLastPosition(sqlite, transaction);
        var after = last;
        var rows = group.Rows;
        var inserted = 0;
        for (var row = 0; row < rows.Count; row++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var logEvent = rows[row].Event;
            if (insert.Execute(last + 1, logEvent, rows[row].ReceivedAt))
            {
                group.SetStored(row, ++last, alreadyStored: false);
                inserted++;
                continue;
            }

            lookupTenant.Value = logEvent.TenantId;
            lookupEvent.Value = logEvent.EventId;
            group.SetStored(row, (long)lookup.ExecuteScalar()!, alreadyStored: true);
        }

        if (inserted > 0)
        {
            SetLastPosition(sqlite, transaction, last);
        }

        group.SetWritten(after, last);
        transaction.Commit();
        return inserted;
    }

    private static long BulkLoad(SqliteConnection sqlite, IReadOnlyList<LogEvent> events, DateTime receivedAt, CancellationToken cancellationToken)
    {
        using var transaction = sqlite.BeginTransaction(deferred: false);
        using var insert = new InsertStatement(sqlite, InsertSql);
        var last = ReadLastPosition(sqlite, transaction);
        foreach (var logEvent in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Execute(++last, logEvent, receivedAt);
        }

        if (events.Count > 0)
        {
            SetLastPosition(sqlite, transaction, last);
        }

        transaction.Commit();
        return events.Count;
    }

    private static long ReadLastPosition(SqliteConnection sqlite, SqliteTransaction transaction)
    {
        using var command = new SqliteCommand(LastPositionSql, sqlite, transaction);
        return (long)command.ExecuteScalar()!;
    }

    private static void SetLastPosition(SqliteConnection sqlite, SqliteTransaction transaction, long position)
    {
        using var command = new SqliteCommand(SetLastPositionSql, sqlite, transaction);
        command.Parameters.AddWithValue("@position", position);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// One prepared insert reused for every row, bound through SQLite's C API: texts are encoded into one reused buffer
    /// and times formatted into it, where the provider's command would allocate parameter binders, strings and a reader
    /// for each row. SQLite copies every bound value (SQLITE_TRANSIENT), so the buffer can be overwritten at once.
    /// </summary>
    private sealed class InsertStatement : IDisposable
    {
        private readonly SQLitePCL.sqlite3 _database;
        private readonly SQLitePCL.sqlite3_stmt _statement;
        private byte[] _buffer = new byte[256];

        public InsertStatement(SqliteConnection connection, string sql)
        {
            _database = connection.Handle!;
            SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_prepare_v2(_database, sql, out _statement), _database);
        }

        /// <summary>Inserts one row at <paramref name="position"/>; returns false when the insert was ignored (the event is stored already).</summary>
        public bool Execute(long position, LogEvent logEvent, DateTime receivedAt)
        {
            Check(SQLitePCL.raw.sqlite3_bind_int64(_statement, 1, position));
            BindText(2, logEvent.TenantId);
            BindText(3, logEvent.EventId);
            BindText(4, logEvent.RoutingKey);
            BindTime(5, ToStoredTime(logEvent.EventTime.UtcDateTime));
            BindTime(6, ToStoredTime(receivedAt));
            Check(SQLitePCL.raw.sqlite3_bind_blob(_statement, 7, logEvent.Payload.Span));
            var result = SQLitePCL.raw.sqlite3_step(_statement);
            SQLitePCL.raw.sqlite3_reset(_statement);
            if (result != SQLitePCL.raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }

            return SQLitePCL.raw.sqlite3_changes(_database) == 1;
        }

        public void Dispose() => _statement.Dispose();

        private void BindText(int index, string value)
        {
            if (value.Length == 0)
            {
                // An empty span binds no pointer, which SQLite takes for NULL.
                Check(SQLitePCL.raw.sqlite3_bind_text(_statement, index, string.Empty));
                return;
            }

            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (most > _buffer.Length)
            {
                _buffer = new byte[Math.Max(most, _buffer.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(value, _buffer);
            Check(SQLitePCL.raw.sqlite3_bind_text(_statement, index, _buffer.AsSpan(0, length)));
        }

        private void BindTime(int index, DateTime time)
        {
            Span<byte> text = stackalloc byte[SqliteTimeText.MaxLength];
            var length = SqliteTimeText.Write(time, text);
            Check(SQLitePCL.raw.sqlite3_bind_text(_statement, index, text[..length]));
        }

        private void Check(int result)
        {
            if (result != SQLitePCL.raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
        }
    }
}
