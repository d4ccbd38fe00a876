using ContactOS.Grains.Ingestion;
using ContactOS.Simulation;
using ContactOS.Testing;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// Plays arrivals through the grains the way ingestion does: each batch of arrivals is appended to the log (first copy
/// of each id kept, positions in arrival order), then its fresh events are handed to the tenant's pipeline grain.
/// Batches are not awaited one by one, so calls of one tenant arrive as they do from concurrent requests, sometimes out
/// of order. A call that fails leaves its events to the pipeline's retry from the log; the replay returns once every
/// tenant has applied everything appended.
/// </summary>
internal static class EventLogReplay
{
    public const int BatchSize = 500;

    /// <summary>What the replay did, for checking that the traffic exercised what the test claims.</summary>
    public sealed record Summary(int Accepted, int Duplicates, int Batches, int FailedCalls);

    public static async Task<Summary> DeliverAsync(PipelineCluster cluster, MemoryEventLog log, IEnumerable<TenantEvent> arrivals)
    {
        var before = log.Count;
        var arrived = 0;
        var batches = 0;
        var calls = new List<Task>();
        foreach (var batch in arrivals.Chunk(BatchSize))
        {
            batches++;
            arrived += batch.Length;
            foreach (var tenant in batch.GroupBy(e => e.TenantId, StringComparer.Ordinal))
            {
                var fresh = log.Append(tenant.Key, tenant.Select(e => e.Event));
                if (fresh.Count > 0)
                {
                    calls.Add(cluster.Pipeline(tenant.Key).Apply(new AppendedEvents([.. fresh])));
                }
            }
        }

        var failed = 0;
        foreach (var call in calls)
        {
            try
            {
                await call;
            }
            catch (InvalidOperationException)
            {
                failed++;
            }
        }

        foreach (var tenantId in log.TenantIds)
        {
            var last = log.LastPositionOf(tenantId);
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    return await cluster.Pipeline(tenantId).CatchUp() >= last;
                }
                catch (InvalidOperationException)
                {
                    // The catch-up itself failed (a failing log read): the next attempt tries again.
                    return false;
                }
            }, $"tenant {tenantId} applied through {last}", TimeSpan.FromSeconds(60));
        }

        var accepted = log.Count - before;
        return new Summary(accepted, arrived - accepted, batches, failed);
    }
}
