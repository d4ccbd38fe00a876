using System.Threading.Channels;
using ContactOS.Grains.Tenants;
using ContactOS.Silo.Telemetry;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Live;

/// <summary>
/// Pushes each watched tenant's figures to its dashboards. Ingestion notifies a tenant once its events reached the
/// grains; at most once per <see cref="LiveOptions.UpdateInterval"/> the publisher reads the figures of each period
/// watched in that tenant, once for all its watchers, and sends them to the period's group only when they differ
/// from the last ones sent. A busy tenant thus costs one query per watched period per interval whatever its event
/// rate, and a tenant nobody watches costs one lookup per ingested batch.
/// <para>
/// Sends are never awaited. SignalR writes a message into each connection's own buffer and returns; a client that
/// stops reading fills only its own buffer, and the transport closes it once a write has waited
/// <see cref="LiveOptions.SendTimeout"/>. The grains, this loop and the other clients never wait for it.
/// </para>
/// </summary>
internal sealed partial class LiveUpdatePublisher(
    LiveWatchers watchers,
    LiveFigures figures,
    IHubContext<AnalyticsHub> hub,
    IOptions<LiveOptions> options,
    TimeProvider timeProvider,
    SiloMetrics metrics,
    ILogger<LiveUpdatePublisher> logger) : BackgroundService, ITenantChangeNotifier
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _lock = new();
    // Tenant -> when its oldest change not yet pushed was notified (TimeProvider timestamp), for the push delay metric.
    private Dictionary<string, long> _changed = new(StringComparer.Ordinal);

    public void Notify(string tenantId)
    {
        if (watchers.IsWatched(tenantId))
        {
            MarkChanged(tenantId, timeProvider.GetTimestamp());
        }
    }

    private void MarkChanged(string tenantId, long since)
    {
        lock (_lock)
        {
            _changed.TryAdd(tenantId, since);
        }

        _signal.Writer.TryWrite(true);
    }

    /// <summary>
    /// Makes a connection watch <paramref name="period"/> of its tenant: it joins the period's group and gets a
    /// snapshot, and updates follow. Nothing happens for a connection that has gone.
    /// </summary>
    public async Task WatchAsync(string connectionId, string period, CancellationToken cancellationToken)
    {
        if (watchers.TenantOf(connectionId) is not { } tenant)
        {
            return;
        }

        // Under the gate no update of the tenant is read or sent: the snapshot cannot overtake a newer update.
        await tenant.Gate.WaitAsync(cancellationToken);
        try
        {
            if (watchers.Watch(connectionId, period, out var left) is not { } group)
            {
                return;
            }

            if (left is not null)
            {
                await hub.Groups.RemoveFromGroupAsync(connectionId, left.Name, cancellationToken);
            }

            await hub.Groups.AddToGroupAsync(connectionId, group.Name, cancellationToken);

            var snapshot = await figures.ReadAsync(tenant.TenantId, period, cancellationToken);
            Send(hub.Clients.Client(connectionId), AnalyticsHub.SnapshotMethod, snapshot, connectionId);

            // A new group's watchers have these figures: an update follows only when they change.
            group.LastSent ??= snapshot;
        }
        finally
        {
            tenant.Gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _signal.Reader.WaitToReadAsync(stoppingToken))
            {
                _signal.Reader.TryRead(out _);
                try
                {
                    await PublishChangedAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // Dashboards going stale is bad; the silo stopping (what a failed background service does) is worse.
                    LogRoundFailed(logger, exception);
                }

                // One round per interval at most: tenants notified meanwhile are merged into the next round.
                await Task.Delay(options.Value.UpdateInterval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PublishChangedAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, long> changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = new(StringComparer.Ordinal);
        }

        // Ingestion notifies once the tenant's grains have applied the events, so the figures read below include them.
        foreach (var (tenantId, since) in changed)
        {
            if (watchers.FindWatched(tenantId) is not { } tenant)
            {
                continue;
            }

            if (tenant.Gate.Wait(0, CancellationToken.None))
            {
                // Not awaited: a tenant whose grains answer slowly delays only its own dashboards.
                _ = PublishAsync(tenant, since, cancellationToken);
            }
            else
            {
                // A snapshot or the previous round is still at work for this tenant: it goes into the next round.
                MarkChanged(tenantId, since);
            }
        }
    }

    /// <summary>Reads and sends the tenant's watched periods, then releases the tenant's gate (taken by the caller).</summary>
    private async Task PublishAsync(LiveTenant tenant, long changedSince, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var group in watchers.GroupsOf(tenant))
            {
                var update = await figures.ReadAsync(tenant.TenantId, group.Period, cancellationToken);
                if (update.HasSameFigures(group.LastSent))
                {
                    continue;
                }

                group.LastSent = update;
                Send(hub.Clients.Group(group.Name), AnalyticsHub.UpdateMethod, update, group.Name);
                metrics.Pushed(timeProvider.GetElapsedTime(changedSince));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogPublishFailed(logger, exception, tenant.TenantId);
        }
        finally
        {
            tenant.Gate.Release();
        }
    }

    private void Send(IClientProxy clients, string method, LiveUpdate update, string target) => _ = SendAsync(clients, method, update, target);

    private async Task SendAsync(IClientProxy clients, string method, LiveUpdate update, string target)
    {
        try
        {
            // Writes into each connection's buffer before the first await; the task ends when the slowest has taken it.
            await clients.SendAsync(method, update);
        }
        catch (Exception exception)
        {
            LogSendFailed(logger, exception, method, target);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Reading the live figures of tenant {TenantId} failed; its dashboards are updated after its next change")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(2, LogLevel.Debug, "Sending {Method} to {Target} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string method, string target);

    [LoggerMessage(3, LogLevel.Error, "A round of live updates failed; the next change of each tenant brings its dashboards up to date")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
