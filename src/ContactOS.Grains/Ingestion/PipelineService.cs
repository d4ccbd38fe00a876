using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactOS.Grains.Ingestion;

/// <summary>
/// Moves the recovery checkpoint forward as snapshots are taken, and on shutdown snapshots every tenant and stores a
/// final checkpoint, so a clean restart replays nothing.
/// </summary>
public sealed partial class PipelineService(
    TenantEventPipeline pipeline, IGrainFactory grains, IOptions<PipelineOptions> options, TimeProvider timeProvider,
    ILogger<PipelineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SnapshotInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await StoreCheckpointAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await pipeline.SnapshotAllAsync(cancellationToken);
            await StoreCheckpointAsync();
        }
        catch (OperationCanceledException)
        {
            LogShutdownIncomplete(logger);
        }
    }

    private async Task StoreCheckpointAsync()
    {
        // In a cluster there is no silo-wide checkpoint: each tenant's snapshots are where its next owner starts.
        if (pipeline.TailsLog || pipeline.ComputeCheckpoint() is not { } checkpoint)
        {
            return;
        }

        try
        {
            await grains.GetGrain<IRecoveryCheckpointGrain>(RecoveryCheckpointGrain.Key).Set(checkpoint);
        }
        catch (Exception exception)
        {
            LogCheckpointFailed(logger, exception, checkpoint);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Storing the recovery checkpoint {Position} failed; a restart replays from the previous one")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception, long position);

    [LoggerMessage(2, LogLevel.Warning, "Shutdown ended before every tenant's snapshot was stored; the next start replays the log after the last checkpoint")]
    private static partial void LogShutdownIncomplete(ILogger logger);
}
