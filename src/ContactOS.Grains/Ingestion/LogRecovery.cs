using System.Diagnostics;
using ContactOS.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactOS.Grains.Ingestion;

/// <summary>
/// At start-up, before the silo serves requests: replays the event log after the recovery checkpoint through the
/// pipeline. Tenant grains skip what their snapshots include; conversations and agents reload their histories as
/// they are touched. Afterwards the grains answer as if the silo had never stopped.
/// </summary>
public sealed partial class LogRecovery(
    TenantEventPipeline pipeline, IEventHistory history, IGrainFactory grains, ILogger<LogRecovery> logger) : ISiloStartupTask
{
    private const int PageSize = 10_000;

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (pipeline.TailsLog)
        {
            // In a cluster each tenant's owner catches up from the tenant's snapshots when its route starts.
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var checkpoint = await grains.GetGrain<IRecoveryCheckpointGrain>(RecoveryCheckpointGrain.Key).Get();
        var position = checkpoint;
        var replayed = 0;
        while (true)
        {
            var page = await history.ReadAfterAsync(position, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var tenant in page.GroupBy(e => e.TenantId, StringComparer.Ordinal))
            {
                pipeline.Enqueue(tenant.Key, [.. tenant.Select(e => e.Event)]);
            }

            replayed += page.Count;
            position = page[^1].Event.Position;

            // One page at a time keeps memory flat however long the log is.
            await pipeline.WhenIdleAsync(cancellationToken);
        }

        LogRecovered(logger, replayed, checkpoint, position, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    [LoggerMessage(1, LogLevel.Information, "Recovery replayed {Events} events of the log after position {Checkpoint} (up to {Position}) in {Seconds:0.0} s")]
    private static partial void LogRecovered(ILogger logger, int events, long checkpoint, long position, double seconds);
}
