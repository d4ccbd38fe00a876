namespace ContactOS.Simulation.Oracle;

/// <summary>A named count: conversations with a handoff reason, or with an intent.</summary>
public sealed record ExpectedCount(string Name, int Count);
