namespace ContactOS.Simulation.Oracle;

/// <summary>At most five intents with the most conversations started in the period, most first, ties by name (ordinal).</summary>
public sealed record ExpectedTopIntents(IReadOnlyList<ExpectedCount> Intents);
