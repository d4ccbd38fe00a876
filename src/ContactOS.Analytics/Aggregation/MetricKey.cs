namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// One counter of a tenant: a metric, its bucket (the UTC ticks of the local hour it starts; 0 for live gauges), a
/// label (handoff reason, intent, agent, tool, model, segment) and, for the second wave's metrics, a value (a score, a
/// histogram bin, flags, a time; see <see cref="Metric"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.metric-key")]
public readonly record struct MetricKey(Metric Metric, long HourTicks, string? Label = null, long Value = 0)
{
    public bool IsGauge => Metric is Metric.Active or Metric.Pending or Metric.Assigned;

    /// <summary>True for the second wave's metrics, kept apart from the first wave's counters (<see cref="DetailTotals"/>).</summary>
    public bool IsDetail => Metric >= Metric.FirstResponse;
}
