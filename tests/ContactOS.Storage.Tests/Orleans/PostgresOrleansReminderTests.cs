using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Postgres;

namespace ContactOS.Storage.Tests.Orleans;

public sealed class PostgresOrleansReminderTests(PostgresFixture postgres)
    : OrleansReminderTests(new PostgresTarget(postgres)), IClassFixture<PostgresFixture>;
