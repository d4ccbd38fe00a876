using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Reminders;

public sealed class SqliteReminderTableTests() : ReminderTableTests(new SqliteTarget());
