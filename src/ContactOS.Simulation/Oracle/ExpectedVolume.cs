namespace ContactOS.Simulation.Oracle;

/// <summary>One entry per bucket of the period, in order, empty buckets included.</summary>
public sealed record ExpectedVolume(IReadOnlyList<ExpectedVolumeBucket> Buckets);
