using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Postgres;

namespace ContactOS.Storage.Tests.State;

public sealed class PostgresGrainStateStoreTests(PostgresFixture postgres)
    : GrainStateStoreTests(new PostgresTarget(postgres)), IClassFixture<PostgresFixture>;
