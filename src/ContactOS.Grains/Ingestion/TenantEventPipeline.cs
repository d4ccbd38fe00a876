using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactOS.Grains.Ingestion;

/// <summary>
/// Delivers durable events to the grains, per tenant, in event-log order. Each tenant has one route that takes
/// everything queued for it as one batch: one call per conversation or agent of the batch, then the merged changes
/// reach the tenant's two grains in one call each. A busy tenant therefore costs its tenant grains a few calls per
/// batch, never one per event, and batches grow with the load.
/// <para>
/// Routing in log order is what makes recovery exact: after a batch, the tenant's grains include every event of the
/// tenant up to a position, which their snapshots record, and a conversation or agent activated again reloads exactly
/// the events routed before the batch. The recovery checkpoint (<see cref="ComputeCheckpoint"/>) is the position
/// after which some tenant still has events outside its snapshot.
/// </para>
/// </summary>
public sealed partial class TenantEventPipeline
{
    private readonly IGrainFactory _grains;
    private readonly IEventHistory _history;
    private readonly ITenantTimeZones _zones;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TenantEventPipeline> _logger;
    private readonly TimeSpan _snapshotInterval;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TenantRoute> _routes = new(StringComparer.Ordinal);
    private readonly RendezvousPlacementDirector? _placement;
    private Action? _nudgeTail;

    public TenantEventPipeline(
        IGrainFactory grains, IEventHistory history, ITenantTimeZones zones, IOptions<PipelineOptions> options,
        TimeProvider timeProvider, ILogger<TenantEventPipeline> logger,
        IOptions<ClusterOptions>? cluster = null, RendezvousPlacementDirector? placement = null, IClusterView? view = null)
    {
        _grains = grains;
        _history = history;
        _zones = zones;
        _timeProvider = timeProvider;
        _logger = logger;
        _snapshotInterval = options.Value.SnapshotInterval;
        if (cluster?.Value.Enabled == true && placement is not null && view is not null)
        {
            TailsLog = true;
            _placement = placement;
            view.Changed += (_, _) => RetireMoved();
        }
    }

    /// <summary>
    /// True in a cluster: each worker silo reads the shared event log (<see cref="ClusterLogTailer"/>) and routes the
    /// tenants it owns; a route new on this silo first catches up from its tenant's snapshots and the log. False for
    /// one silo, which routes what it commits itself and recovers at start-up (<see cref="LogRecovery"/>).
    /// </summary>
    public bool TailsLog { get; }

    /// <summary>Whether this silo routes <paramref name="tenantId"/>'s events: always for one silo, its owner's in a cluster.</summary>
    public bool Owns(string tenantId) => _placement?.IsLocal(tenantId) ?? true;

    /// <summary>Asks the log tailer to read now rather than at its next poll (this silo just appended, or a front waits).</summary>
    public void NudgeTail() => Volatile.Read(ref _nudgeTail)?.Invoke();

    /// <summary>True when this silo reads the log (<see cref="ClusterLogTailer"/>, on cluster workers).</summary>
    public bool HasTailer => Volatile.Read(ref _nudgeTail) is not null;

    internal void SetTailNudge(Action nudge) => Volatile.Write(ref _nudgeTail, nudge);

    /// <summary>
    /// In a cluster, makes sure this owner's route of <paramref name="tenantId"/> exists and has caught up with the log:
    /// called when a tenant grain activates here, so a tenant that moved answers exactly even before its next event.
    /// </summary>
    public void EnsureCaughtUp(string tenantId)
    {
        if (TailsLog && Owns(tenantId))
        {
            RouteOf(tenantId).Kick();
        }
    }

    /// <summary>
    /// The position through which <paramref name="tenantId"/>'s events are applied here, once it is above
    /// <paramref name="afterPosition"/> or when <paramref name="timeout"/> has passed (a long poll for other silos'
    /// dashboards).
    /// </summary>
    public async Task<long> WaitChangedAsync(string tenantId, long afterPosition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var route = OwnedRouteOf(tenantId);
        route.Kick();
        try
        {
            await route.WaitRoutedAsync(afterPosition + 1, cancellationToken).WaitAsync(timeout, _timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
        }

        return route.RoutedThrough;
    }

    /// <summary>After a membership change: stops the routes of tenants another silo owns now.</summary>
    private void RetireMoved()
    {
        List<TenantRoute> moved;
        lock (_lock)
        {
            moved = [.. _routes.Values.Where(route => !Owns(route.TenantId))];
            foreach (var route in moved)
            {
                _routes.Remove(route.TenantId);
            }
        }

        foreach (var route in moved)
        {
            route.Retire();
        }

        if (moved.Count > 0)
        {
            LogRetired(_logger, moved.Count);
        }
    }

    /// <summary>
    /// Queues a tenant's durable events. Calls must come in log order (every event's position above all positions
    /// queued before), as the log's commit notifications and recovery's replay do.
    /// </summary>
    public void Enqueue(string tenantId, IReadOnlyList<PipelineEvent> events)
    {
        if (events.Count == 0 || (TailsLog && !Owns(tenantId)))
        {
            return;
        }

        RouteOf(tenantId).Enqueue(events);
    }

    /// <summary>Completes once the tenant's events up to <paramref name="position"/> are applied to the grains.</summary>
    public Task WaitRoutedAsync(string tenantId, long position, CancellationToken cancellationToken)
    {
        var route = OwnedRouteOf(tenantId);
        route.Kick();
        return route.WaitRoutedAsync(position, cancellationToken);
    }

    /// <summary>Completes once everything queued so far, for every tenant, is applied.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        List<TenantRoute> routes;
        lock (_lock)
        {
            routes = [.. _routes.Values];
        }

        return Task.WhenAll(routes.Select(route => route.WaitRoutedAsync(route.EnqueuedThrough, cancellationToken)));
    }

    /// <summary>Stores every tenant's snapshot now (shutdown), after what is queued is applied.</summary>
    public async Task SnapshotAllAsync(CancellationToken cancellationToken)
    {
        await WhenIdleAsync(cancellationToken);
        List<TenantRoute> routes;
        lock (_lock)
        {
            routes = [.. _routes.Values];
        }

        await Task.WhenAll(routes.Select(route => route.SnapshotNowAsync()));
    }

    /// <summary>
    /// The position recovery can start after: every event above it that a tenant's snapshot lacks. It is the lowest
    /// position below which some tenant has nothing outside its snapshot, or, when every snapshot is complete, the
    /// highest position queued; null when nothing was queued in this process.
    /// </summary>
    public long? ComputeCheckpoint()
    {
        long? lowest = null;
        long highest = 0;
        lock (_lock)
        {
            foreach (var route in _routes.Values)
            {
                var (firstUnsnapshotted, enqueuedThrough) = route.CheckpointInputs;
                highest = Math.Max(highest, enqueuedThrough);
                if (firstUnsnapshotted > 0)
                {
                    lowest = Math.Min(lowest ?? long.MaxValue, firstUnsnapshotted - 1);
                }
            }
        }

        return lowest ?? (highest > 0 ? highest : null);
    }

    /// <summary>
    /// The tenant's route, for a wait on this silo: in a cluster, only the tenant's owner has one. Elsewhere the wait
    /// fails as unavailable, which tells the calling silo to find the owner again (the tenant is moving).
    /// </summary>
    private TenantRoute OwnedRouteOf(string tenantId) =>
        TailsLog && !Owns(tenantId)
            ? throw new SiloUnavailableException($"Tenant {tenantId} is owned by another silo now.")
            : RouteOf(tenantId);

    private TenantRoute RouteOf(string tenantId)
    {
        lock (_lock)
        {
            if (!_routes.TryGetValue(tenantId, out var route))
            {
                route = new TenantRoute(tenantId, this);
                _routes[tenantId] = route;
            }

            return route;
        }
    }

    internal IGrainFactory Grains => _grains;

    internal IEventHistory History => _history;

    internal ITenantTimeZones Zones => _zones;

    internal TimeProvider TimeProvider => _timeProvider;

    internal ILogger Logger => _logger;

    internal TimeSpan SnapshotInterval => _snapshotInterval;

    [LoggerMessage(1, LogLevel.Error, "Routing events {From}-{Through} of tenant {TenantId} to conversation or agent {Key} failed; the grain's view may be off until it is reloaded")]
    internal static partial void LogGrainFailed(ILogger logger, Exception exception, string tenantId, string key, long from, long through);

    [LoggerMessage(2, LogLevel.Warning, "Routing events {From}-{Through} of tenant {TenantId} failed; retrying in {Delay}")]
    internal static partial void LogRouteRetry(ILogger logger, Exception exception, string tenantId, long from, long through, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Information, "Stopped routing {Count} tenants that other silos own now")]
    private static partial void LogRetired(ILogger logger, int count);

    [LoggerMessage(5, LogLevel.Information, "Tenant {TenantId} caught up from position {From} to {Through} ({Events} events) on this silo, its new owner")]
    internal static partial void LogCaughtUp(ILogger logger, string tenantId, long from, long through, int events);

    [LoggerMessage(3, LogLevel.Warning, "Storing the snapshot of tenant {TenantId} at position {Position} failed; the next attempt follows the next batch")]
    internal static partial void LogSnapshotFailed(ILogger logger, Exception exception, string tenantId, long position);
}
