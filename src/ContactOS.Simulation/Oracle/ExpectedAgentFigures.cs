namespace ContactOS.Simulation.Oracle;

/// <summary>One agent's row of the leaderboard (docs/analytics.md, "Agents").</summary>
public sealed record ExpectedAgentFigures(
    string AgentId,
    string DisplayName,
    long Handled,
    long Resolutions,
    ExpectedAgentHandleTime HandleTime,
    long CsatResponses,
    double? CsatMean,
    double OnlineSeconds,
    double BusySeconds,
    double? Occupancy,
    double? Utilization);
