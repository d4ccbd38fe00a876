using ContactOS.Storage.Configuration;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>
/// A fresh, empty database for one measurement: a SQLite file in its own temp directory, or a new database on the
/// run's private PostgreSQL server (started on first use and stopped, with its files, when this process exits). A
/// measurement never sees the rows of another, so every run starts from the same state.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Both providers, in the order the suites measure them.</summary>
    public static readonly IReadOnlyList<string> All = [Sqlite, Postgres];

    private readonly SqliteTestDirectory? _directory;
    private readonly PostgresServer? _server;

    private BenchDatabase(string provider, IReadOnlyDictionary<string, string?> settings, SqliteTestDirectory? directory, PostgresServer? server)
    {
        Provider = provider;
        Settings = settings;
        _directory = directory;
        _server = server;
    }

    /// <summary><see cref="Sqlite"/> or <see cref="Postgres"/>.</summary>
    public string Provider { get; }

    /// <summary>The <c>Storage</c> settings of the silo, as configuration keys (<c>Storage:Provider</c>, ...).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The SQLite data directory; null on PostgreSQL.</summary>
    public string? DataDirectory => _directory?.Path;

    /// <summary>The PostgreSQL connection string; null on SQLite.</summary>
    public string? ConnectionString => Settings.GetValueOrDefault("Storage:ConnectionString");

    /// <summary>CPU time used so far by the PostgreSQL server's processes; null on SQLite and on an external server.</summary>
    public TimeSpan? ServerProcessorTime => _server?.ProcessorTime;

    public static async Task<BenchDatabase> CreateAsync(string provider, string prefix)
    {
        if (provider == Sqlite)
        {
            var directory = new SqliteTestDirectory();
            return new BenchDatabase(provider, new Dictionary<string, string?>
            {
                ["Storage:Provider"] = Sqlite,
                ["Storage:DataDirectory"] = directory.Path,
            }, directory, null);
        }

        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync(prefix);
        return new BenchDatabase(provider, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Postgres,
            ["Storage:ConnectionString"] = connectionString,
        }, null, server);
    }

    /// <summary>
    /// On SQLite, copies the write-ahead log into the file and empties it, so that a timed load after a warm-up does not
    /// share the machine with the warm-up's checkpoint (which runs in the background; see docs/storage.md). Nothing on
    /// PostgreSQL: its checkpoints follow time and log volume, not a load's end, and an explicit one would make the
    /// next load write a full image of every page it touches first.
    /// </summary>
    public async Task SettleAsync()
    {
        if (DataDirectory is not { } directory)
        {
            return;
        }

        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, StorageOptions.SqliteFileName),
            DefaultTimeout = 60,
        }.ToString());
        await sqlite.OpenAsync();
        await using var checkpoint = sqlite.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>The settings as the silo process reads them from its environment (<c>CONTACTOS_Storage__Provider</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() =>
        Settings.Where(s => s.Value is not null).ToDictionary(s => EnvironmentName(s.Key), s => s.Value!);

    /// <summary>The environment variable the silo reads a configuration key from: <c>Storage:Provider</c> is <c>CONTACTOS_Storage__Provider</c>.</summary>
    public static string EnvironmentName(string key) => "CONTACTOS_" + key.Replace(":", "__", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        _directory?.Dispose();
        if (_server is not null && ConnectionString is { } connectionString)
        {
            await _server.DropDatabaseAsync(connectionString);
        }
    }
}
