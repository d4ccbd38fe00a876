using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Postgres;
using Xunit.Abstractions;

namespace ContactOS.Storage.Tests.EventLog;

public sealed class PostgresEventLogTests(PostgresFixture postgres, ITestOutputHelper output)
    : EventLogTests(new PostgresTarget(postgres), output), IClassFixture<PostgresFixture>
{
    protected override string EmptyLogSql => "TRUNCATE contactos_event_log";

    protected override DatabaseOutage CreateOutage(IReadOnlyDictionary<string, string?> settings) => new PostgresRelayOutage(settings);
}
