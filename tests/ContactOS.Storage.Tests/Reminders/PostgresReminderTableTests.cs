using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Postgres;

namespace ContactOS.Storage.Tests.Reminders;

public sealed class PostgresReminderTableTests(PostgresFixture postgres)
    : ReminderTableTests(new PostgresTarget(postgres)), IClassFixture<PostgresFixture>;
