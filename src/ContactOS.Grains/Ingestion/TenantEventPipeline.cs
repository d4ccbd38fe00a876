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

    public TenantEventPipeline(
        IGrainFactory grains, IEventHistory history, ITenantTimeZones zones, IOptions<PipelineOptions> options,
        TimeProvider timeProvider, ILogger<TenantEventPipeline> logger)
    {
        _grains = grains;
        _history = history;
        _zones = zones;
        _timeProvider = timeProvider;
        _logger = logger;
        _snapshotInterval = options.Value.SnapshotInterval;
    }

    /// <summary>
    /// Queues a tenant's durable events. Calls must come in log order (every event's position above all positions
    /// queued before), as the log's commit notifications and recovery's replay do.
    /// </summary>
    public void Enqueue(string tenantId, IReadOnlyList<PipelineEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        RouteOf(tenantId).Enqueue(events);
    }

    /// <summary>Completes once the tenant's events up to <paramref name="position"/> are applied to the grains.</summary>
    public Task WaitRoutedAsync(string tenantId, long position, CancellationToken cancellationToken) =>
        RouteOf(tenantId).WaitRoutedAsync(position, cancellationToken);

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

    [LoggerMessage(3, LogLevel.Warning, "Storing the snapshot of tenant {TenantId} at position {Position} failed; the next attempt follows the next batch")]
    internal static partial void LogSnapshotFailed(ILogger logger, Exception exception, string tenantId, long position);
}
