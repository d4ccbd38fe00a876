using ContactOS.Analytics.Events;
using Npgsql;
using NpgsqlTypes;

namespace ContactOS.Benchmarks.Query;

/// <summary>
/// The way the original specifications computed the KPIs: every event as a typed row in one table, indexed by tenant
/// and time and by tenant and conversation, and one SQL statement per dashboard request that derives the six KPIs
/// of docs/analytics.md from the rows. It is what the grains are measured against, and the independent check that
/// the API's figures are right.
/// </summary>
internal sealed class RawEventTable(string connectionString)
{
    private const string CreateSql =
        """
        CREATE TABLE raw_events (
            seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tenant_id       text        NOT NULL,
            event_id        text        NOT NULL,
            conversation_id text        NOT NULL,
            type            text        NOT NULL,
            ts              timestamptz NOT NULL,
            by_whom         text        NULL,
            reason          text        NULL,
            intent          text        NULL,
            sentiment       smallint    NULL
        )
        """;

    // Built after the load, as a bulk import would: one sort per index instead of millions of insertions.
    private const string IndexSql =
        """
        CREATE INDEX raw_events_tenant_ts ON raw_events (tenant_id, ts);
        CREATE INDEX raw_events_tenant_conversation ON raw_events (tenant_id, conversation_id, ts);
        ANALYZE raw_events;
        """;

    private const string CopySql =
        "COPY raw_events (tenant_id, event_id, conversation_id, type, ts, by_whom, reason, intent, sentiment) FROM STDIN (FORMAT BINARY)";

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(CreateSql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Binary COPY of every event, in the order given (seq keeps it), then the indexes.</summary>
    public async Task<long> LoadAsync(string tenantId, IEnumerable<IReadOnlyList<ContactEvent>> conversations, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        ulong rows;
        await using (var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken))
        {
            foreach (var conversation in conversations)
            {
                foreach (var contactEvent in conversation)
                {
                    importer.StartRow();
                    importer.Write(tenantId, NpgsqlDbType.Text);
                    importer.Write(contactEvent.Id, NpgsqlDbType.Text);
                    importer.Write(contactEvent.ConversationId!, NpgsqlDbType.Text);
                    importer.Write(contactEvent.Type, NpgsqlDbType.Text);
                    importer.Write(contactEvent.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz);
                    WriteNullable(importer, contactEvent.By);
                    WriteNullable(importer, contactEvent.Reason);
                    WriteNullable(importer, contactEvent.Intent);
                    if (contactEvent.Sentiment is { } sentiment)
                    {
                        importer.Write((short)sentiment, NpgsqlDbType.Smallint);
                    }
                    else
                    {
                        importer.WriteNull();
                    }
                }
            }

            rows = await importer.CompleteAsync(cancellationToken);
        }

        await using var index = new NpgsqlCommand(IndexSql, connection) { CommandTimeout = 600 };
        await index.ExecuteNonQueryAsync(cancellationToken);
        return (long)rows;
    }

    /// <summary>A connection with the KPI statement prepared, for measuring one request after another.</summary>
    public async Task<KpiQuery> PrepareAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        var command = new NpgsqlCommand(KpiSql.Text, connection) { CommandTimeout = 600 };
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        foreach (var name in KpiSql.TimeParameters)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTime>(name, NpgsqlDbType.TimestampTz));
        }

        await command.PrepareAsync(cancellationToken);
        return new KpiQuery(connection, command);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }
}
