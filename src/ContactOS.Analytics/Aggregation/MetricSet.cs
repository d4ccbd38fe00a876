namespace ContactOS.Analytics.Aggregation;

/// <summary>A set of metrics as bits, so a query asks a tenant's aggregator for only the counters it reads.</summary>
[GenerateSerializer, Immutable, Alias("contactos.metric-set")]
public readonly record struct MetricSet([property: Id(0)] ulong Bits)
{
    public static MetricSet Of(params ReadOnlySpan<Metric> metrics)
    {
        ulong bits = 0;
        foreach (var metric in metrics)
        {
            bits |= 1UL << (int)metric;
        }

        return new MetricSet(bits);
    }

    public bool Contains(Metric metric) => (Bits & (1UL << (int)metric)) != 0;
}
