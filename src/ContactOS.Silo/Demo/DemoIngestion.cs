using ContactOS.Analytics.Events;
using ContactOS.Analytics.Ingestion;
using ContactOS.Silo.Ingestion;

namespace ContactOS.Silo.Demo;

/// <summary>
/// Sends simulated events the way a platform does: written as NDJSON, read back by the same parser and validation
/// as <c>POST /api/v2/events</c>, then appended to the event log by <see cref="EventIngestor"/>. Demo data is thus
/// durable, replayed after a restart, de-duplicated by id and pushed to dashboards like any other.
/// </summary>
internal sealed class DemoIngestion(EventIngestor ingestor)
{
    /// <summary>Events per batch: well under the API's 10,000, so one batch never holds the log for long.</summary>
    public const int BatchSize = 2_000;

    /// <summary>Ingests <paramref name="events"/> of one tenant in batches; returns how many were new (not duplicates).</summary>
    public async Task<int> IngestAsync(string tenantId, IReadOnlyList<ContactEvent> events, CancellationToken cancellationToken)
    {
        var fresh = 0;
        for (var start = 0; start < events.Count; start += BatchSize)
        {
            var batch = EventBatchParser.Parse(ToNdjson(events, start, Math.Min(BatchSize, events.Count - start)));
            var result = await ingestor.IngestAsync(tenantId, batch, cancellationToken);
            fresh += result.Accepted;
        }

        return fresh;
    }

    private static ReadOnlyMemory<byte> ToNdjson(IReadOnlyList<ContactEvent> events, int start, int count)
    {
        using var body = new MemoryStream(count * 256);
        for (var i = start; i < start + count; i++)
        {
            body.Write(ContactEventJson.Serialize(events[i]));
            body.WriteByte((byte)'\n');
        }

        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }
}
