using System.Net.Http.Headers;
using ContactOS.Analytics.Events;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Grains.Ingestion;
using ContactOS.Simulation;
using ContactOS.Simulation.Traffic;
using ContactOS.Storage.EventLog;

namespace ContactOS.Benchmarks.Ingest;

/// <summary>
/// A fixed slice of the simulator's multi-tenant traffic (a week of conversations, in arrival order) and the same
/// events in the two shapes the suite sends them: HTTP batches per tenant, and the rows the silo writes to its log.
/// </summary>
internal sealed class IngestTraffic(IReadOnlyList<TenantEvent> events)
{
    public IReadOnlyList<TenantEvent> Events { get; } = events;

    public IReadOnlyList<string> TenantIds { get; } = events.Select(e => e.TenantId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Events that are not a repeat of an earlier one (same tenant and id): what the silo stores.</summary>
    public int DistinctCount { get; } = events.Select(e => (e.TenantId, e.Event.Id)).Distinct().Count();

    /// <summary>The first <paramref name="count"/> events of the simulator's traffic for <paramref name="tenantIds"/>.</summary>
    public static IngestTraffic Generate(IReadOnlyList<string> tenantIds, int count, double duplicateRatio, DateTimeOffset now, int seed)
    {
        // About ten events per conversation; grow until the traffic is long enough, then cut it.
        var conversations = Math.Max(1, count / (tenantIds.Count * 10));
        while (true)
        {
            var options = TrafficOptions.EndingAt(now, TimeSpan.FromDays(7)) with
            {
                Seed = seed,
                TenantIds = tenantIds,
                ConversationsPerTenant = conversations,
                DuplicateRatio = duplicateRatio,
            };
            var events = TrafficGenerator.Generate(options);
            if (events.Count >= count)
            {
                return new IngestTraffic(events.Take(count).ToList());
            }

            conversations *= 2;
        }
    }

    /// <summary>
    /// Batches of up to <paramref name="batchSize"/> events per tenant in arrival order, each sent when it is full, as a
    /// platform buffering its tenant's events would.
    /// </summary>
    public IReadOnlyList<EventBody> Bodies(IReadOnlyDictionary<string, AuthenticationHeaderValue> tokens, int batchSize)
    {
        var open = new Dictionary<string, List<ContactEvent>>(StringComparer.Ordinal);
        var bodies = new List<EventBody>();
        foreach (var (tenantId, contactEvent) in Events)
        {
            if (!open.TryGetValue(tenantId, out var batch))
            {
                batch = new List<ContactEvent>(batchSize);
                open[tenantId] = batch;
            }

            batch.Add(contactEvent);
            if (batch.Count == batchSize)
            {
                bodies.Add(EventBody.Of(tokens[tenantId], batch));
                batch.Clear();
            }
        }

        bodies.AddRange(open.Where(b => b.Value.Count > 0).Select(b => EventBody.Of(tokens[b.Key], b.Value)));
        return bodies;
    }

    /// <summary>The rows the silo appends for these events (repeats left out), built the way its ingestion builds them.</summary>
    public IReadOnlyList<LogEvent> LogRows()
    {
        var seen = new HashSet<(string, string)>();
        return Events
            .Where(e => seen.Add((e.TenantId, e.Event.Id)))
            .Select(e => new LogEvent(e.TenantId, e.Event.Id, RoutingKeys.Of(e.Event), e.Event.Timestamp, ContactEventJson.Serialize(e.Event)))
            .ToList();
    }
}
