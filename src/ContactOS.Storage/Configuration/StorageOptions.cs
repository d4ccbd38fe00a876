namespace ContactOS.Storage.Configuration;

/// <summary>
/// Where grain state, reminders and (later) the event log live. Bound from the <c>Storage</c> configuration
/// section, e.g. <c>Storage:Provider=postgres</c> and <c>Storage:ConnectionString=Host=db;Database=contactos;...</c>.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>Embedded single-process database (default).</summary>
    public const string SqliteProvider = "sqlite";

    /// <summary>Shared database; required when more than one silo runs.</summary>
    public const string PostgresProvider = "postgres";

    /// <summary>The file name of the SQLite database inside <see cref="DataDirectory"/>.</summary>
    public const string SqliteFileName = "contactos.db";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>, case-insensitive.</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>Npgsql connection string; required for <c>postgres</c>, not used by <c>sqlite</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Directory of the SQLite database file (<see cref="SqliteFileName"/>), created when missing.
    /// A relative path is resolved against the current directory.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    internal bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);

    internal bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);
}
