namespace ContactOS.Analytics.Aggregation;

/// <summary>The second wave's counters of one hour bucket (or a sum of buckets) as plain data.</summary>
[GenerateSerializer, Alias("contactos.detail-state")]
public sealed record DetailState(long HourTicks, DetailCount[] Counts, HistogramState[] Histograms);

/// <summary>One counter: how many (or how much) of <paramref name="Metric"/> with this label and value.</summary>
[GenerateSerializer, Immutable, Alias("contactos.detail-count")]
public readonly record struct DetailCount(Metric Metric, string? Label, long Value, long Count);

/// <summary>A <see cref="LogHistogram"/> as plain data: dense bins from <paramref name="Offset"/>.</summary>
[GenerateSerializer, Alias("contactos.histogram-state")]
public sealed record HistogramState(Metric Metric, string? Label, int Offset, long[] Bins, long Zero, long Count, long SumMillis);
