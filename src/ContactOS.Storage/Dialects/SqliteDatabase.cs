using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ContactOS.Storage.Dialects;

/// <summary>
/// SQLite file in the data directory. WAL journal and a busy timeout let several connections, and several
/// processes, share the file: readers never block, writers queue for the write lock instead of failing.
/// </summary>
internal sealed class SqliteDatabase : StorageDatabase
{
    private const int BusyTimeoutMilliseconds = 10_000;

    // Primary result codes meaning the file cannot be used right now (https://sqlite.org/rescode.html).
    private const int SqlitePerm = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    private readonly string _directory;
    private readonly string _connectionString;

    public SqliteDatabase(string dataDirectory)
    {
        _directory = Path.GetFullPath(dataDirectory);
        var file = Path.Combine(_directory, Configuration.StorageOptions.SqliteFileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        Target = $"SQLite database file '{file}'";
        Checkpointer = new SqliteCheckpointer(_connectionString);
    }

    /// <summary>Copies the write-ahead log into the file off the event log's writer thread.</summary>
    public SqliteCheckpointer Checkpointer { get; }

    public override string SchemaFolder => "Sqlite";

    // Orleans' provider registry serves this invariant with Microsoft.Data.Sqlite.
    public override OrleansAdoNetSettings OrleansProviders => new("System.Data.SQLite", _connectionString);

    protected override string TimestampType => "TEXT";

    public override string InTextList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    public override void AddTextList(DbCommand command, string parameter, IReadOnlyCollection<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        command.AddParameter(parameter, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public override string Target { get; }

    protected override string Advice =>
        $"Check that Storage:DataDirectory ('{_directory}') names a directory this process can create and write, " +
        "that the disk is not full, and that no other program keeps the file locked.";

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(_directory);
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Persistent in the file, so setting it once per start is enough; it cannot run inside a transaction.
            command.CommandText = "PRAGMA journal_mode = WAL";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    public override Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Not deferred (BEGIN IMMEDIATE): takes the write lock at once, so a second migrator waits here instead of
        // failing later when it tries to upgrade a read lock. Microsoft.Data.Sqlite is synchronous underneath.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override void Dispose()
    {
        Checkpointer.Dispose();

        // Pooled connections keep the file open; release them so the directory can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Let SQLite wait for the write lock itself (fine-grained back-off) rather than fail with SQLITE_BUSY.
            // Set through the C API: a PRAGMA statement per pooled open would cost a parse each time.
            SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, BusyTimeoutMilliseconds);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override bool IsUnavailable(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqlitePerm or SqliteBusy or SqliteLocked
            or SqliteReadOnly or SqliteIoError or SqliteCorrupt or SqliteFull or SqliteCantOpen or SqliteNotADatabase,
        IOException or UnauthorizedAccessException => true,
        _ => false,
    };
}
