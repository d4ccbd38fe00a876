using ContactOS.Grains.Ingestion;
using ContactOS.Runtime;
using ContactOS.Runtime.Membership;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Live;

/// <summary>
/// In a cluster, a tenant's events may be ingested by any front silo and are applied by the tenant's owner. For
/// every tenant watched by a dashboard on this silo, a long poll on the tenant's pipeline grain (on the owner) returns
/// as soon as new events are applied, and the live publisher then pushes an update as it does for events ingested
/// here. One loop per watched tenant; it ends when nobody here watches the tenant any more.
/// </summary>
internal sealed partial class ClusterLiveFeed(
    LiveWatchers watchers, ITenantChangeNotifier notifier, IGrainFactory grains, IOptions<ClusterOptions> cluster,
    ILogger<ClusterLiveFeed> logger) : BackgroundService
{
    private static readonly TimeSpan s_scanInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_errorDelay = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Task> _loops = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!cluster.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(s_scanInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var ended in _loops.Where(l => l.Value.IsCompleted).Select(l => l.Key).ToList())
                {
                    _loops.Remove(ended);
                }

                foreach (var tenant in watchers.WatchedTenants())
                {
                    if (!_loops.ContainsKey(tenant))
                    {
                        _loops[tenant] = FollowAsync(tenant, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task FollowAsync(string tenantId, CancellationToken stoppingToken)
    {
        long known = -1;
        while (!stoppingToken.IsCancellationRequested && watchers.IsWatched(tenantId))
        {
            try
            {
                var position = await grains.GetGrain<ITenantPipelineGrain>(tenantId).WaitChanged(known);

                // The first answer comes after the dashboards' snapshots were read (up to a scan interval and a call later)
                // and may include events they lack: unless the tenant has no events at all, it is a change too. At worst
                // the dashboards get one update with the figures they already have.
                if (position > known && (known >= 0 || position > 0))
                {
                    notifier.Notify(tenantId);
                }

                known = Math.Max(known, position);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFollowFailed(logger, tenantId, exception.Message);
                await Task.Delay(s_errorDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Following tenant {TenantId}'s changes on its owner failed, retrying: {Reason}")]
    private static partial void LogFollowFailed(ILogger logger, string tenantId, string reason);
}
