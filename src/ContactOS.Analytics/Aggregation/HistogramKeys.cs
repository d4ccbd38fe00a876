namespace ContactOS.Analytics.Aggregation;

/// <summary>The value of a histogram metric's key that carries the sum of the durations rather than a bin's count.</summary>
public static class HistogramKeys
{
    public const long Sum = long.MinValue;

    public static bool IsHistogram(Metric metric) =>
        metric is Metric.FirstResponse or Metric.HumanFirstResponse or Metric.HandleTime or Metric.ResolutionTime or Metric.ToolLatency
            or Metric.AgentHandleTime;
}
