using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactOS.Storage.Dialects;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/> per silo.</summary>
internal sealed class PostgresDatabase : StorageDatabase
{
    // Any constant works as long as every ContactOS process uses the same one: it names the migration lock.
    private const long MigrationLockKey = 0x436F_6E74_6163_744F; // "ContactO"

    private readonly NpgsqlDataSource _dataSource;
    private readonly string? _password;
    private readonly string _connectionString;

    public PostgresDatabase(string connectionString, ILoggerFactory loggerFactory)
    {
        _connectionString = connectionString;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            // Grain reads and writes repeat a handful of statements; preparing them saves a parse per call.
            settings.MaxAutoPrepare = 16;
        }

        if (!given.ContainsKey("Write Buffer Size") && !given.ContainsKey("WriteBufferSize"))
        {
            // The event log's COPY writes a few hundred bytes per event; with the default 8 kB buffer every few dozen
            // rows cost a socket send and a restart of the command's timeout timer (a lock shared process-wide).
            settings.WriteBufferSize = 64 * 1024;
        }

        settings.ApplicationName ??= "ContactOS";
        _password = settings.Password;
        Target = $"PostgreSQL database '{settings.Database ?? settings.Username ?? "(default)"}' on host " +
                 $"'{settings.Host ?? "localhost"}' port {settings.Port} (user '{settings.Username ?? "(default)"}')";
        _dataSource = builder.UseLoggerFactory(loggerFactory).Build();
    }

    public override string SchemaFolder => "Postgres";

    public override OrleansAdoNetSettings OrleansProviders => new("Npgsql", _connectionString);

    protected override string TimestampType => "timestamptz";

    public override string InTextList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public override void AddTextList(DbCommand command, string parameter, IReadOnlyCollection<string> values) =>
        command.AddParameter(parameter, values.ToArray());

    public override string Target { get; }

    protected override string Advice =>
        "Check Storage:ConnectionString (host, port, database, username, password) and that the PostgreSQL " +
        "server is running and accepts connections from this machine.";

    public override async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Released at commit or rollback, also when the process dies: no stale lock can block the next start.
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.AddParameter("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public override void Dispose() => _dataSource.Dispose();

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override bool IsUnavailable(Exception exception) => exception switch
    {
        // Connection exception (08), bad credentials (28), missing database (3D), out of resources (53),
        // server shutting down or starting (57P): the database cannot serve us, whatever the statement.
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) ||
                                pg.SqlState.StartsWith("28", StringComparison.Ordinal) ||
                                pg.SqlState.StartsWith("3D", StringComparison.Ordinal) ||
                                pg.SqlState.StartsWith("53", StringComparison.Ordinal) ||
                                pg.SqlState.StartsWith("57P", StringComparison.Ordinal),
        // Npgsql's own exceptions (not the server's) are I/O, timeouts and broken connections.
        NpgsqlException => true,
        SocketException or TimeoutException or IOException => true,
        _ => false,
    };

    protected override string Redact(string text) =>
        string.IsNullOrEmpty(_password) ? text : text.Replace(_password, "***", StringComparison.Ordinal);
}
