using ContactOS.Storage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContactOS.Storage.Tests.EventLog;

public sealed class SqliteEventLogTests(ITestOutputHelper output) : EventLogTests(new SqliteTarget(), output)
{
    protected override string EmptyLogSql => "DELETE FROM contactos_event_log";

    protected override DatabaseOutage CreateOutage(IReadOnlyDictionary<string, string?> settings) => new SqliteDirectoryOutage(settings);
}
