using Microsoft.Data.Sqlite;

namespace ContactOS.Storage.Dialects;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own, off the event log's writer.
/// By default SQLite does this inside the commit that takes the log past 1,000 pages, on the committing thread: for
/// the event log that meant the one writer stopped to copy every page its group commit had just written. The writer
/// turns that off for its own commits (<c>sqlite3_wal_autocheckpoint</c>) and asks for a checkpoint here after each
/// one. A checkpoint is PASSIVE: it never waits for readers or writers and copies what it can; a page changed by several
/// commits in between is copied once. Durability does not depend on it: a commit is durable once its log frames are
/// synced.
/// <para>
/// SQLite starts the log again from its beginning only when a write begins after a checkpoint has copied all of it.
/// Under steady load the writer would always begin while the last checkpoint still runs, so once the log holds more
/// than <see cref="LimitFrames"/> pages the writer waits for the checkpoint first (<see cref="CatchUp"/>): the log stays
/// near that size instead of growing for as long as the load lasts.
/// </para>
/// </summary>
internal sealed class SqliteCheckpointer(string connectionString) : IDisposable
{
    /// <summary>Log pages (4 kB each by default) above which the writer waits for the checkpoint: 16 MB.</summary>
    public const int LimitFrames = 4_096;

    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    // 0: idle; 1: a checkpoint is running; 2: running, and another one was asked for meanwhile.
    private int _state;
    private volatile Task _running = Task.CompletedTask;
    private volatile bool _disposed;
    private int _logFrames;

    /// <summary>Whether the log held more than <see cref="LimitFrames"/> pages at the last checkpoint.</summary>
    public bool IsBehind => Volatile.Read(ref _logFrames) > LimitFrames;

    /// <summary>Asks for a checkpoint soon; requests made while one runs are served by one more run after it.</summary>
    public void Request()
    {
        while (!_disposed)
        {
            var state = Volatile.Read(ref _state);
            if (state == 2)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
            {
                if (state == 0)
                {
                    _running = Task.Run(Run);
                }

                return;
            }
        }
    }

    /// <summary>Runs a checkpoint now if none is running, and waits until none is: the next write can restart the log.</summary>
    public void CatchUp()
    {
        if (!_disposed && Interlocked.CompareExchange(ref _state, 1, 0) == 0)
        {
            // Idle: check on this thread rather than wait for a pool thread to pick the work up.
            Run();
            return;
        }

        _running.Wait(s_wait);
    }

    public void Dispose()
    {
        _disposed = true;
        _running.Wait(s_wait);
    }

    private void Run()
    {
        do
        {
            if (!_disposed)
            {
                Checkpoint();
            }
        }
        while (Interlocked.Decrement(ref _state) > 0);
    }

    private void Checkpoint()
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            var result = SQLitePCL.raw.sqlite3_wal_checkpoint_v2(connection.Handle, null, SQLitePCL.raw.SQLITE_CHECKPOINT_PASSIVE, out var logFrames, out _);
            SqliteException.ThrowExceptionForRC(result, connection.Handle);
            Volatile.Write(ref _logFrames, logFrames);
        }
        catch (SqliteException)
        {
            // The file is unusable right now (the writer reports that to its callers); the log keeps every commit and
            // the next request, or SQLite's own checkpoint on another connection, copies it later.
        }
    }
}
