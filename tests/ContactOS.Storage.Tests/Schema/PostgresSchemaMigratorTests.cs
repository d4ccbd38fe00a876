using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Postgres;

namespace ContactOS.Storage.Tests.Schema;

public sealed class PostgresSchemaMigratorTests(PostgresFixture postgres)
    : SchemaMigratorTests(new PostgresTarget(postgres)), IClassFixture<PostgresFixture>;
