using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Tenants;

/// <summary>A tenant's counters in local-hour buckets and its live gauges; key: the tenant id.</summary>
public interface ITenantAggregatorGrain : IGrainWithStringKey
{
    Task ApplyChanges(IReadOnlyList<KeyValuePair<MetricKey, long>> changes);

    /// <summary>Sums of the hour buckets in [from, to) for each range, plus the live gauges.</summary>
    [ReadOnly]
    Task<TenantTotals> GetTotals(IReadOnlyList<HourRange> ranges);
}
