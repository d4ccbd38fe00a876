using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// Holds the tenant's <see cref="TenantAggregate"/>. The silo's <see cref="TenantEventPipeline"/> sends it the merged
/// changes of a whole routed batch, one call per batch rather than one per event, and it answers period queries from
/// memory. Its snapshot records the last log position it includes, so recovery replays only what came after.
/// </summary>
// Kept for a day when idle: an idle tenant's state is in its snapshot well before then (the pipeline stores one a
// snapshot interval after the last batch), so a collection never depends on the deactivation write succeeding.
[CollectionAgeLimit(Minutes = 24 * 60)]
public sealed class TenantAggregatorGrain(TenantEventPipeline pipeline) : Grain<AggregatorSnapshot>, ITenantAggregatorGrain
{
    private readonly TenantAggregate _aggregate = new();
    private long _position;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.TimeZoneId is { } zoneId)
        {
            _aggregate.UseTimeZone(TimeZones.Find(zoneId));
        }

        _aggregate.Restore(State.Buckets);
        _position = StateLogPosition ?? 0;

        // In a cluster the tenant may have just moved here: its route catches up from the snapshots and the log.
        pipeline.EnsureCaughtUp(GetPrimaryKeyString());
        State.Buckets = [];
        return Task.CompletedTask;
    }

    public Task ApplyChanges(IReadOnlyList<KeyValuePair<MetricKey, long>> changes, LogRange range, string timeZoneId)
    {
        if (Positions.Includes(_position, range, GrainId))
        {
            return Task.CompletedTask;
        }

        _aggregate.UseTimeZone(TimeZones.Find(timeZoneId));
        _aggregate.Apply(changes);
        _position = range.Through;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BucketTotals>> GetTotals(IReadOnlyList<HourRange> ranges) =>
        Task.FromResult<IReadOnlyList<BucketTotals>>([.. ranges.Select(r => _aggregate.Sum(r.From, r.To))]);

    public Task<long> GetPosition() => Task.FromResult(_position);

    public async Task SaveSnapshot()
    {
        if (_position == (StateLogPosition ?? 0))
        {
            return;
        }

        State.Buckets = _aggregate.ToState();
        State.TimeZoneId = _aggregate.TimeZone?.Id;
        StateLogPosition = _position;
        try
        {
            await WriteStateAsync();
        }
        finally
        {
            State.Buckets = [];
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveSnapshot();
}
