namespace ContactOS.Grains.Queries;

/// <summary>The agents with a status event or a handled conversation in the period, in the order of <see cref="Sort"/>.</summary>
public sealed record AgentLeaderboardReport(string Period, DateTimeOffset From, DateTimeOffset To, string Sort, IReadOnlyList<AgentFigures> Agents);
