using System.Reflection;
using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Configuration;

namespace ContactOS.Storage.Tests.Orleans;

/// <summary>The migrated schema carries the SQL Orleans' ADO.NET providers look up by key, on each database engine.</summary>
public sealed class OrleansQueryTableTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Migration_Sqlite_StoresExactlyTheReminderQueries()
    {
        await using var target = new SqliteTarget();
        var database = await OrleansTestDatabase.CreateAsync(target);

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", connection);

        Assert.Equal(OrleansQueryKeys.Reminders.Order(StringComparer.Ordinal), await ReadKeysAsync(command));
    }

    [Fact]
    public async Task Migration_Postgres_StoresExactlyTheClusteringAndReminderQueries()
    {
        await using var target = new PostgresTarget(postgres);
        var database = await OrleansTestDatabase.CreateAsync(target);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"", connection);

        Assert.Equal(
            OrleansQueryKeys.Clustering.Concat(OrleansQueryKeys.Reminders).Order(StringComparer.Ordinal),
            await ReadKeysAsync(command));
    }

    /// <summary>
    /// Guards an Orleans upgrade: the installed providers demand exactly the keys the scripts store. If this fails
    /// after a package update, a new schema version must add the new queries.
    /// </summary>
    [Fact]
    public void InstalledProviders_RequireExactlyTheKeysTheScriptsStore()
    {
        Assert.Equal(
            OrleansQueryKeys.Clustering.Order(StringComparer.Ordinal),
            RequiredKeys(typeof(AdoNetClusteringSiloOptions).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries"));
        Assert.Equal(
            OrleansQueryKeys.Reminders.Order(StringComparer.Ordinal),
            RequiredKeys(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries"));
    }

    // The providers check at start-up that every query property of this internal type has a row.
    private static string[] RequiredKeys(Assembly provider, string typeName) =>
        [.. provider.GetType(typeName, throwOnError: true)!
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(property => property.Name)
            .Order(StringComparer.Ordinal)];

    private static async Task<List<string>> ReadKeysAsync(System.Data.Common.DbCommand command)
    {
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
