namespace ContactOS.Grains.Queries;

/// <summary>The five intents with the most conversations started in the period (ties by name).</summary>
public sealed record TopIntentsReport(string Period, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<IntentCount> Intents);
