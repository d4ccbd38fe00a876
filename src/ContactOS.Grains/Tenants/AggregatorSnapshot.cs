using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Tenants;

/// <summary>What <see cref="TenantAggregatorGrain"/> stores: its hour buckets, time zone and the event-log position they include.</summary>
[GenerateSerializer, Alias("contactos.aggregator-snapshot")]
public sealed class AggregatorSnapshot
{
    [Id(0)]
    public long Position { get; set; }

    [Id(1)]
    public List<BucketState> Buckets { get; set; } = [];

    /// <summary>The tenant's time zone when the snapshot was taken (the day rollup's zone).</summary>
    [Id(2)]
    public string? TimeZoneId { get; set; }
}
