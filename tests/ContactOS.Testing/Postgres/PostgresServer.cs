using Npgsql;

namespace ContactOS.Testing.Postgres;

/// <summary>
/// The PostgreSQL server of this test run, shared by every test in the process. It is the server named by the
/// <c>CONTACTOS_TEST_POSTGRES</c> connection string when that is set; otherwise a private server started from the
/// machine's PostgreSQL binaries on the first request and stopped (and its files deleted) once the process has exited.
/// Tests isolate themselves with <see cref="CreateDatabaseAsync"/>, never by sharing a database.
/// </summary>
public sealed class PostgresServer
{
    /// <summary>Environment variable with a connection string to a server the tests may create databases on.</summary>
    public const string ConnectionStringVariable = "CONTACTOS_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> s_shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SemaphoreSlim _createLock = new(1, 1);
    private int _databaseCount;

    private readonly LocalPostgresCluster? _cluster;

    private PostgresServer(string adminConnectionString, LocalPostgresCluster? cluster)
    {
        AdminConnectionString = adminConnectionString;
        _cluster = cluster;
    }

    /// <summary>Connection string of the maintenance database (superuser rights on a private server).</summary>
    public string AdminConnectionString { get; }

    /// <summary>True when the server came from <see cref="ConnectionStringVariable"/> rather than being started here.</summary>
    public bool IsExternal => _cluster is null;

    /// <summary>
    /// The processor time the server's processes have used so far, for benchmarks to put beside a client's: null for an
    /// external server, or where it cannot be read (see <see cref="LocalPostgresCluster.ProcessorTime"/>).
    /// </summary>
    public TimeSpan? ProcessorTime => _cluster?.ProcessorTime();

    /// <summary>
    /// The server for this process, started on first use. Fails, never skips, when there is neither the environment
    /// variable nor a PostgreSQL installation, with a message saying how to provide one.
    /// </summary>
    public static Task<PostgresServer> GetAsync() => s_shared.Value;

    /// <summary>
    /// Creates an empty database named <paramref name="prefix"/> plus a unique suffix and returns a connection
    /// string to it. The database is not dropped automatically (see <see cref="DropDatabaseAsync"/>); a private
    /// server deletes everything at exit.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = DatabaseName(prefix, Interlocked.Increment(ref _databaseCount));

        // Concurrent CREATE DATABASE statements contend for the template database; one at a time is reliable.
        await _createLock.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection =>
                // FILE_COPY (the only strategy before 15) copies the small template files directly, several times
                // faster here than 15's default of writing the whole template through the WAL.
                $"CREATE DATABASE \"{name}\"{(connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY = FILE_COPY" : "")}",
                cancellationToken);
        }
        finally
        {
            _createLock.Release();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, disconnecting anyone still using it.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(_ => $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    private async Task ExecuteAsync(Func<NpgsqlConnection, string> sql, CancellationToken cancellationToken)
    {
        // No pooling: the admin connection is rare, and a pooled one would linger in the maintenance database.
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql(connection), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string DatabaseName(string prefix, int sequence)
    {
        var clean = new string(prefix.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_').ToArray());
        var name = $"{(clean.Length == 0 ? "test" : clean)}_{sequence}_{Guid.NewGuid().ToString("N")[..8]}";
        // PostgreSQL truncates identifiers at 63 bytes; keep the unique tail.
        return name.Length <= 63 ? name : name[^63..];
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, cluster: null);
        }

        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(
            "PostgreSQL tests need a server, and none is available: no initdb/pg_ctl under /usr/lib/postgresql/*/bin " +
            $"or on PATH, and {ConnectionStringVariable} is not set. Install PostgreSQL (apt-get install -y postgresql) " +
            $"or set {ConnectionStringVariable} to a connection string of a server where the tests may create databases, " +
            "e.g. 'Host=localhost;Username=postgres;Password=...'.");

        var cluster = await LocalPostgresCluster.StartAsync(binaries, CancellationToken.None);
        return new PostgresServer(cluster.ConnectionString, cluster);
    }
}
