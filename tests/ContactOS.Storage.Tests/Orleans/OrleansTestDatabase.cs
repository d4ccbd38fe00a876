using ContactOS.Storage.Configuration;
using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Orleans;

/// <summary>
/// A fresh database brought to the current schema by our migrator, and how Orleans' ADO.NET providers reach it:
/// the invariant name and a connection string to the same database (on PostgreSQL, with the test's schema as the
/// search path).
/// </summary>
internal sealed record OrleansTestDatabase(string Invariant, string ConnectionString)
{
    public const string PostgresInvariant = "Npgsql";

    // The providers' name for SQLite; they serve it with Microsoft.Data.Sqlite.
    public const string SqliteInvariant = "System.Data.SQLite";

    public static async Task<OrleansTestDatabase> CreateAsync(StorageTarget target)
    {
        var settings = await target.CreateDatabaseAsync();
        await using (await StorageHost.StartAsync(settings))
        {
            // Migrated; the product's storage is not needed further.
        }

        return settings["Storage:Provider"] == "postgres"
            ? new OrleansTestDatabase(PostgresInvariant, settings["Storage:ConnectionString"]!)
            : new OrleansTestDatabase(
                SqliteInvariant,
                $"Data Source={Path.Combine(settings["Storage:DataDirectory"]!, StorageOptions.SqliteFileName)};Default Timeout=10");
    }
}
