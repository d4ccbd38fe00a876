namespace ContactOS.Grains.Queries;

/// <summary>An agent's status intervals over one local day (from its start to its end or now), and the time per status.</summary>
public sealed record AgentActivityReport(
    string AgentId,
    string DisplayName,
    DateOnly Date,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ActivityInterval> Intervals,
    IReadOnlyList<StatusTotal> Totals);
