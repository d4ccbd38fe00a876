using ContactOS.Testing.Postgres;
using Npgsql;

namespace ContactOS.Storage.Tests.Infrastructure;

/// <summary>
/// Each test gets its own schema in the class's database, named by <c>Search Path</c> in the connection string:
/// as isolated as a database for ContactOS (every table, including the schema version, lives in it), but created
/// in a millisecond where CREATE DATABASE takes hundreds on a busy machine.
/// </summary>
public sealed class PostgresTarget(PostgresFixture postgres) : StorageTarget
{
    public override async Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync()
    {
        var schema = $"test_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] =
                new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { SearchPath = schema }.ConnectionString,
        };
    }
}
