namespace ContactOS.Grains.Queries;

/// <summary>A KPI's value in the period and, for trend arrows, in the previous equal period (null for live gauges).</summary>
public sealed record KpiValue(double? Value, double? Previous);
