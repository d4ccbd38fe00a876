namespace ContactOS.Simulation.Oracle;

/// <summary>The leaderboard's rows in the order of <paramref name="Sort"/>.</summary>
public sealed record ExpectedAgentLeaderboard(string Sort, IReadOnlyList<ExpectedAgentFigures> Agents);
