namespace ContactOS.Simulation.Oracle;

/// <summary>A stretch of an agent's day in one status.</summary>
public sealed record ExpectedStatusInterval(string Status, DateTimeOffset From, DateTimeOffset To);
