using ContactOS.Analytics.Events;
using DuckDB.NET.Data;

namespace ContactOS.Benchmarks.Query;

/// <summary>
/// The same raw events as <see cref="RawEventTable"/> in an in-memory DuckDB table, and the same <see cref="KpiSql"/>
/// statement over it: what a column store built for this kind of scan makes of the original specifications' query. No
/// index: DuckDB answers these aggregations by scanning columns, which is what it is for.
/// </summary>
internal sealed class DuckDbEventTable : IAsyncDisposable
{
    private const string CreateSql =
        """
        CREATE TABLE raw_events (
            seq             BIGINT    NOT NULL,
            tenant_id       VARCHAR   NOT NULL,
            event_id        VARCHAR   NOT NULL,
            conversation_id VARCHAR   NOT NULL,
            type            VARCHAR   NOT NULL,
            ts              TIMESTAMP NOT NULL,
            by_whom         VARCHAR   NULL,
            reason          VARCHAR   NULL,
            intent          VARCHAR   NULL,
            sentiment       SMALLINT  NULL
        )
        """;

    // One database for the load and the queries: an in-memory DuckDB lives as long as the connection that opened it.
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        await _connection.OpenAsync(cancellationToken);
        await using var command = _connection.CreateCommand();
        command.CommandText = CreateSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every event through DuckDB's appender, in the order given (seq keeps it, as on PostgreSQL).</summary>
    public long Load(string tenantId, IEnumerable<IReadOnlyList<ContactEvent>> conversations)
    {
        long rows = 0;
        using var appender = _connection.CreateAppender("raw_events");
        foreach (var conversation in conversations)
        {
            foreach (var contactEvent in conversation)
            {
                appender.CreateRow()
                    .AppendValue(++rows)
                    .AppendValue(tenantId)
                    .AppendValue(contactEvent.Id)
                    .AppendValue(contactEvent.ConversationId!)
                    .AppendValue(contactEvent.Type)
                    .AppendValue(contactEvent.Timestamp.UtcDateTime)
                    .AppendValue(contactEvent.By)
                    .AppendValue(contactEvent.Reason)
                    .AppendValue(contactEvent.Intent)
                    .AppendValue(contactEvent.Sentiment is { } sentiment ? (short?)sentiment : null)
                    .EndRow();
            }
        }

        return rows;
    }

    /// <summary>The KPI statement prepared on a second connection to the same in-memory database.</summary>
    public async Task<KpiQuery> PrepareAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var connection = _connection.Duplicate();
        await connection.OpenAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = KpiSql.ForDuckDb();
        command.Parameters.Add(new DuckDBParameter("tenant", tenantId));
        foreach (var name in KpiSql.TimeParameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, DateTime.UnixEpoch));
        }

        await command.PrepareAsync(cancellationToken);
        return new KpiQuery(connection, command);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
