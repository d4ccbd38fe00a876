using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// Holds the tenant's <see cref="TenantAggregate"/>. It receives merged changes from every silo's batcher, a few
/// per flush interval rather than one per event, and answers period queries from memory.
/// </summary>
public sealed class TenantAggregatorGrain : Grain, ITenantAggregatorGrain
{
    private readonly TenantAggregate _aggregate = new();

    public Task ApplyChanges(IReadOnlyList<KeyValuePair<MetricKey, long>> changes)
    {
        _aggregate.Apply(changes);
        return Task.CompletedTask;
    }

    public Task<TenantTotals> GetTotals(IReadOnlyList<HourRange> ranges)
    {
        var totals = ranges.Select(r => _aggregate.Sum(r.From, r.To)).ToList();
        return Task.FromResult(new TenantTotals(totals, _aggregate.Active, _aggregate.Pending));
    }
}
