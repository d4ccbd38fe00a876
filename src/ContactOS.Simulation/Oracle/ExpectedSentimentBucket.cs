namespace ContactOS.Simulation.Oracle;

/// <summary>Mean sentiment of the AI-phase and of the human-phase messages timestamped in the bucket (and in the period).</summary>
public sealed record ExpectedSentimentBucket(DateTimeOffset Start, double? Ai, double? Human);
