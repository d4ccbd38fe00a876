using System.Data.Common;
using ContactOS.Storage.Dialects;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactOS.Storage.Schema;

/// <summary>
/// Brings the database schema to the version this program knows, before the silo starts. Safe to run again and
/// from several processes at once: the whole check-and-apply happens in one transaction under a database lock,
/// and each applied version is recorded in <c>contactos_schema_version</c>. A hosted service registered before the
/// Orleans silo and the web server, so nothing reads or writes the database before its schema is current.
/// </summary>
internal sealed partial class SchemaMigrator : IHostedService
{
    private readonly StorageDatabase _database;
    private readonly ILogger<SchemaMigrator> _logger;
    private readonly IReadOnlyList<SchemaScript> _scripts;

    public SchemaMigrator(StorageDatabase database, ILogger<SchemaMigrator> logger)
    {
        _database = database;
        _logger = logger;
        _scripts = SchemaScripts.Load(database.SchemaFolder);
    }

    /// <summary>The newest schema version this program carries scripts for.</summary>
    public int LatestVersion => _scripts.Count == 0 ? 0 : _scripts[^1].Version;

    public Task StartAsync(CancellationToken cancellationToken) => ExecuteAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        await _database.PrepareAsync(cancellationToken);
        await _database.RunAsync(connection => MigrateAsync(connection, cancellationToken), cancellationToken);
    }

    /// <summary>Versions recorded as applied, ascending. Only after a migration ran: the table may not exist before.</summary>
    public Task<IReadOnlyList<int>> ReadAppliedVersionsAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(connection => ReadAppliedVersionsAsync(connection, null, cancellationToken), cancellationToken);

    private async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await _database.BeginMigrationAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, _database.CreateSchemaVersionTableSql, cancellationToken);
        var applied = await ReadAppliedVersionsAsync(connection, transaction, cancellationToken);
        foreach (var script in _scripts.Where(script => !applied.Contains(script.Version)))
        {
            LogApplying(_logger, script.Version, script.Name, _database.Target);
            await ApplyAsync(connection, transaction, script, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        var current = Math.Max(LatestVersion, applied.Count == 0 ? 0 : applied[^1]);
        if (current > LatestVersion)
        {
            LogNewerSchema(_logger, _database.Target, current, LatestVersion);
        }
        else
        {
            LogUpToDate(_logger, _database.Target, current);
        }
    }

    private async Task ApplyAsync(DbConnection connection, DbTransaction transaction, SchemaScript script, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO contactos_schema_version (version, name) VALUES (@version, @name)";
            record.AddParameter("version", script.Version);
            record.AddParameter("name", script.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex) when (!_database.IsUnavailable(ex))
        {
            // A broken script is a defect in this program, not an outage: say which script, on which database.
            throw new InvalidOperationException(
                $"Applying storage schema version {script.Version} ({script.Name}) to {_database.Target} failed: " +
                $"{ex.Message}. Nothing of this migration was kept.", ex);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<int>> ReadAppliedVersionsAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM contactos_schema_version ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying storage schema version {Version} ({Name}) to {Database}")]
    private static partial void LogApplying(ILogger logger, int version, string name, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage schema of {Database} is at version {Version}")]
    private static partial void LogUpToDate(ILogger logger, string database, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage schema of {Database} is at version {Version}, newer than this program knows ({KnownVersion}); " +
        "continuing on the assumption that newer versions only add to the schema")]
    private static partial void LogNewerSchema(ILogger logger, string database, int version, int knownVersion);
}
