namespace ContactOS.Simulation.Oracle;

/// <summary>One entry per bucket of the period, in order, empty buckets included (with null means).</summary>
public sealed record ExpectedSentimentTrend(IReadOnlyList<ExpectedSentimentBucket> Buckets);
