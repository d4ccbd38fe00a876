namespace ContactOS.Grains.Queries;

/// <summary>
/// One agent's row of the leaderboard: conversation figures of the conversations started in the period, status time
/// in it (seconds), occupancy and utilization as fractions 0-1 (null when their denominator is 0).
/// </summary>
public sealed record AgentFigures(
    string AgentId,
    string DisplayName,
    long Handled,
    long Resolutions,
    DurationSummary HandleTime,
    AgentCsatFigures Csat,
    double OnlineSeconds,
    double BusySeconds,
    double? Occupancy,
    double? Utilization);
