namespace ContactOS.Simulation.Oracle;

/// <summary>Every agent that has sent an <c>agent.status</c>, by display name then id (ordinal).</summary>
public sealed record ExpectedAgents(IReadOnlyList<ExpectedAgent> Agents);
