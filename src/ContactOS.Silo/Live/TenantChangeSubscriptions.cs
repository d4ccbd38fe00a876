using ContactOS.Grains.Ingestion;
using Orleans.Streams;

namespace ContactOS.Silo.Live;

/// <summary>
/// Follows the live stream of every tenant a dashboard on this front watches, whichever process ingested its events
/// and wherever its grains run, and hands each change to the live publisher, which pushes the figures to the tenant's
/// SignalR groups. Subscriptions follow the watchers: a tenant gets one when its first dashboard connects here and loses
/// it when its last one leaves; a subscription that failed is tried again on the next pass.
/// </summary>
internal sealed partial class TenantChangeSubscriptions(
    LiveWatchers watchers, ITenantChangeNotifier notifier, IClusterClient client, TimeProvider timeProvider,
    ILogger<TenantChangeSubscriptions> logger) : BackgroundService
{
    private static readonly TimeSpan s_pass = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, StreamSubscriptionHandle<TenantChanged>> _subscriptions = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_pass, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ReconcileAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        foreach (var tenantId in _subscriptions.Keys.ToList())
        {
            await UnsubscribeAsync(tenantId);
        }
    }

    private async Task ReconcileAsync()
    {
        var watched = watchers.WatchedTenants().ToHashSet(StringComparer.Ordinal);
        foreach (var tenantId in _subscriptions.Keys.Where(tenant => !watched.Contains(tenant)).ToList())
        {
            await UnsubscribeAsync(tenantId);
        }

        foreach (var tenantId in watched.Where(tenant => !_subscriptions.ContainsKey(tenant)))
        {
            try
            {
                var stream = client.GetStreamProvider(LiveStreams.ProviderName).GetStream<TenantChanged>(LiveStreams.ForTenant(tenantId));
                _subscriptions[tenantId] = await stream.SubscribeAsync(OnChangedAsync);

                // A change published while the subscription was being set up would be missed: one round of figures now.
                notifier.Notify(tenantId);
            }
            catch (Exception exception)
            {
                LogSubscribeFailed(logger, exception, tenantId);
            }
        }
    }

    private Task OnChangedAsync(TenantChanged change, StreamSequenceToken? token)
    {
        notifier.Notify(change.TenantId);
        return Task.CompletedTask;
    }

    private async Task UnsubscribeAsync(string tenantId)
    {
        if (!_subscriptions.Remove(tenantId, out var handle))
        {
            return;
        }

        try
        {
            await handle.UnsubscribeAsync();
        }
        catch (Exception exception)
        {
            LogUnsubscribeFailed(logger, exception, tenantId);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Following the live stream of tenant {TenantId} failed; trying again shortly")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(2, LogLevel.Debug, "Leaving the live stream of tenant {TenantId} failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string tenantId);
}
