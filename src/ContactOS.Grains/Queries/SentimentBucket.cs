namespace ContactOS.Grains.Queries;

/// <summary>Mean sentiment (1-5) of the AI-phase and of the human-phase messages in the bucket; null when none.</summary>
public sealed record SentimentBucket(DateTimeOffset Start, double? Ai, double? Human);
