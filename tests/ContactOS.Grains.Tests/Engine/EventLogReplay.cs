using ContactOS.Analytics.Events;
using ContactOS.Grains.Ingestion;
using ContactOS.Simulation;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// Plays arrivals through the grains the way ingestion does: the event log keeps the first arrival of each
/// (tenant, event id) and numbers the kept events in arrival order (their log positions), then the router receives
/// them in arrival-order batches, one call per tenant per batch.
/// </summary>
internal static class EventLogReplay
{
    public const int BatchSize = 500;

    /// <summary>What the replay did, for checking that the traffic exercised what the test claims.</summary>
    public sealed record Summary(int Accepted, int Duplicates, int Batches);

    public static async Task<Summary> DeliverAsync(
        EventRouter router, IEnumerable<TenantEvent> arrivals, Func<string, string> zoneIdOf, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string Tenant, string Id)>();
        var accepted = new List<(TenantEvent Event, long Position)>();
        var duplicates = 0;
        foreach (var arrival in arrivals)
        {
            if (seen.Add((arrival.TenantId, arrival.Event.Id)))
            {
                accepted.Add((arrival, accepted.Count + 1));
            }
            else
            {
                duplicates++;
            }
        }

        var batches = 0;
        foreach (var batch in accepted.Chunk(BatchSize))
        {
            batches++;

            // A batch is routed whole before the next one, as the log's consumer does; tenants go in parallel.
            await Task.WhenAll(batch.GroupBy(e => e.Event.TenantId, StringComparer.Ordinal).Select(tenant =>
            {
                var events = new List<ContactEvent>();
                var positions = new List<long>();
                foreach (var (tenantEvent, position) in tenant)
                {
                    events.Add(tenantEvent.Event);
                    positions.Add(position);
                }

                return router.RouteAsync(tenant.Key, zoneIdOf(tenant.Key), events, positions, cancellationToken);
            }));
        }

        return new Summary(accepted.Count, duplicates, batches);
    }
}
