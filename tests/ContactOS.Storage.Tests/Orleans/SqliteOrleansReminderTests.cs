using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Orleans;

public sealed class SqliteOrleansReminderTests() : OrleansReminderTests(new SqliteTarget());
