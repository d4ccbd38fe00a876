namespace ContactOS.Grains.Queries;

/// <summary>Sentiment per bucket (<c>hour</c> or <c>day</c>), AI phase against human phase.</summary>
public sealed record SentimentTrendReport(string Period, DateTimeOffset From, DateTimeOffset To, string Interval, IReadOnlyList<SentimentBucket> Buckets);
