using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Tenants;

/// <summary>What <see cref="TenantAggregatorGrain"/> stores: its hour buckets and time zone (the log position goes with the record).</summary>
public sealed class AggregatorSnapshot
{
    public List<BucketState> Buckets { get; set; } = [];

    /// <summary>The tenant's time zone when the snapshot was taken (the day rollup's zone).</summary>
    public string? TimeZoneId { get; set; }
}
