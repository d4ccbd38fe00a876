namespace ContactOS.Grains.Queries;

/// <summary>The tenant's human agents, by display name then id, and how many are in each status.</summary>
public sealed record AgentRoster(IReadOnlyList<RosterEntry> Agents, AgentCounts Counts);
