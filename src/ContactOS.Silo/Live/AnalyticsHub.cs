using ContactOS.Analytics.Periods;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ContactOS.Silo.Live;

/// <summary>
/// <c>/hubs/analytics</c>: live KPIs of the caller's tenant for dashboards (docs/live-updates.md). A client calls
/// <see cref="Watch"/> with a period, gets a <c>snapshot</c> of it, then an <c>update</c> whenever the figures change.
/// The tenant always comes from the token; nothing a client sends names one.
/// </summary>
[Authorize(Policy = AuthPolicies.Viewer)]
internal sealed class AnalyticsHub(LiveWatchers watchers, LiveUpdatePublisher publisher, SiloMetrics metrics) : Hub
{
    public const string Path = "/hubs/analytics";

    /// <summary>Client method: the full figures right after <see cref="Watch"/>.</summary>
    public const string SnapshotMethod = "snapshot";

    /// <summary>Client method: the full figures after they changed.</summary>
    public const string UpdateMethod = "update";

    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    public override Task OnConnectedAsync()
    {
        watchers.Connect(Context.ConnectionId, TenantId);
        metrics.DashboardConnected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Disconnect(Context.ConnectionId);
        metrics.DashboardDisconnected();
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Watches <paramref name="period"/> (today, 7d, 30d or 90d) instead of what this connection watched before, and
    /// sends its snapshot. Calling it again, after a reconnect too, sends a fresh snapshot.
    /// </summary>
    public Task Watch(string period)
    {
        var name = period?.Trim().ToLowerInvariant();
        if (name is null || !s_periods.Contains(name, StringComparer.Ordinal))
        {
            throw new HubException($"'period' must be one of {string.Join(", ", s_periods[..^1])} or {s_periods[^1]}, not '{period}'.");
        }

        return publisher.WatchAsync(Context.ConnectionId, name, Context.ConnectionAborted);
    }

    private string TenantId => (Context.User ?? throw new InvalidOperationException("The hub requires an authenticated caller.")).GetTenantId();
}
