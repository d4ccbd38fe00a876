namespace ContactOS.Simulation.Oracle;

/// <summary>
/// A duration's distribution: how many, the exact mean and the exact nearest-rank percentiles (the value at rank
/// ⌈p·n/100⌉ in ascending order), in seconds (tool latency in milliseconds); the mean and percentiles are null when
/// <see cref="Count"/> is 0.
/// </summary>
public sealed record ExpectedDuration(long Count, double? Mean, double? P50, double? P90, double? P95, double? P99);
