using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Tenants;

/// <summary>What <see cref="TenantAggregatorGrain"/> stores: its hour buckets (the log position goes with the record).</summary>
public sealed class AggregatorSnapshot
{
    public List<BucketState> Buckets { get; set; } = [];
}
