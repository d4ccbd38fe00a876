namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// One counter of a tenant: a metric, its bucket (the UTC ticks of the local hour it starts; 0 for live gauges)
/// and, for handoff reasons and intents, a label.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.metric-key")]
public readonly record struct MetricKey(Metric Metric, long HourTicks, string? Label = null)
{
    public bool IsGauge => Metric is Metric.Active or Metric.Pending or Metric.Assigned;
}
