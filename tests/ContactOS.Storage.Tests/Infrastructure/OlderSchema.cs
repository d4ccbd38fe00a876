using System.Data.Common;
using ContactOS.Storage.Schema;

namespace ContactOS.Storage.Tests.Infrastructure;

/// <summary>A database as an older program left it: the schema up to some version, for migration tests.</summary>
internal static class OlderSchema
{
    /// <summary>Brings an empty database to <paramref name="version"/> the way an older program did.</summary>
    public static async Task ApplyUpToAsync(StorageHost storage, int version)
    {
        await storage.Database.PrepareAsync(CancellationToken.None);
        await storage.Database.RunAsync(async connection =>
        {
            await ExecuteAsync(connection, storage.Database.CreateSchemaVersionTableSql);
            foreach (var script in SchemaScripts.Load(storage.Database.SchemaFolder).Where(script => script.Version <= version))
            {
                await ExecuteAsync(connection, script.Sql);
                await ExecuteAsync(connection,
                    $"INSERT INTO contactos_schema_version (version, name) VALUES ({script.Version}, '{script.Name}')");
            }
        }, CancellationToken.None);

        static async Task ExecuteAsync(DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Every version this program carries a script for. Branches add versions out of order (a version number is
    /// reserved per feature), so the applied list need not be 1..latest without gaps.
    /// </summary>
    public static IEnumerable<int> KnownVersions(StorageHost storage) =>
        SchemaScripts.Load(storage.Database.SchemaFolder).Select(script => script.Version);
}
