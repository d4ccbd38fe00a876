using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tenants;

/// <summary>A tenant's counters in local-hour buckets; key: the tenant id.</summary>
public interface ITenantAggregatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the merged bucket changes of the events in <paramref name="range"/>; a range the grain already includes
    /// (a replay after recovery) is ignored. <paramref name="timeZoneId"/> is the tenant's zone, whose local days the
    /// hours are rolled up into.
    /// </summary>
    Task ApplyChanges(IReadOnlyList<KeyValuePair<MetricKey, long>> changes, LogRange range, string timeZoneId);

    /// <summary>Sums of the hour buckets in [from, to) for each range, in order.</summary>
    [ReadOnly]
    Task<IReadOnlyList<BucketTotals>> GetTotals(IReadOnlyList<HourRange> ranges);

    /// <summary>The highest event-log position the counters include (0 for none).</summary>
    [ReadOnly]
    Task<long> GetPosition();

    /// <summary>Stores the counters with the position they include.</summary>
    Task SaveSnapshot();
}
