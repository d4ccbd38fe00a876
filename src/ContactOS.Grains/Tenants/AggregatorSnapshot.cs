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

    /// <summary>The second wave's counters per hour bucket.</summary>
    [Id(3)]
    public List<DetailState> Details { get; set; } = [];

    /// <summary>
    /// What the counters hold: a snapshot of an older format lacks counters added since, so it is not used, and the
    /// tenant's figures are rebuilt from the event log (0: written before formats were numbered).
    /// </summary>
    [Id(4)]
    public int Format { get; set; }

    /// <summary>The format this version writes: 2 added the second wave's counters, 3 the agents' (work and status time).</summary>
    public const int CurrentFormat = 3;
}
