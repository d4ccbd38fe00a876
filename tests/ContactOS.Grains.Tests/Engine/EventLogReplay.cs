using ContactOS.Grains.Ingestion;
using ContactOS.Simulation;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// Plays arrivals through the grains the way ingestion does: each batch of arrivals is appended to the log (first
/// copy of each id kept, positions in arrival order) and its fresh events are queued to the pipeline per tenant, in
/// log order; batches are not awaited one by one, so tenant routes merge them as they do under load.
/// </summary>
internal static class EventLogReplay
{
    public const int BatchSize = 500;

    /// <summary>What the replay did, for checking that the traffic exercised what the test claims.</summary>
    public sealed record Summary(int Accepted, int Duplicates, int Batches);

    public static async Task<Summary> DeliverAsync(
        TenantEventPipeline pipeline, MemoryEventLog log, IEnumerable<TenantEvent> arrivals, CancellationToken cancellationToken)
    {
        var before = log.Count;
        var arrived = 0;
        var batches = 0;
        foreach (var batch in arrivals.Chunk(BatchSize))
        {
            batches++;
            arrived += batch.Length;
            foreach (var tenant in batch.GroupBy(e => e.TenantId, StringComparer.Ordinal))
            {
                pipeline.Enqueue(tenant.Key, log.Append(tenant.Key, tenant.Select(e => e.Event)));
            }
        }

        await pipeline.WhenIdleAsync(cancellationToken);
        var accepted = log.Count - before;
        return new Summary(accepted, arrived - accepted, batches);
    }
}
