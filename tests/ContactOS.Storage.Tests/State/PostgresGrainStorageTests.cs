using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Postgres;

namespace ContactOS.Storage.Tests.State;

public sealed class PostgresGrainStorageTests(PostgresFixture postgres)
    : GrainStorageTests(new PostgresTarget(postgres)), IClassFixture<PostgresFixture>;
