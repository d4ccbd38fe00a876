using ContactOS.Testing.Postgres;

namespace ContactOS.Storage.Tests.Infrastructure;

/// <summary>Each test gets its own schema in the class's database (see <see cref="PostgresFixture.CreateSchemaAsync"/>).</summary>
public sealed class PostgresTarget(PostgresFixture postgres) : StorageTarget
{
    public override async Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] = await postgres.CreateSchemaAsync(),
    };
}
