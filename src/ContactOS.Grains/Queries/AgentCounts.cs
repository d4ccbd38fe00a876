namespace ContactOS.Grains.Queries;

/// <summary>Agents by current status.</summary>
public sealed record AgentCounts(int Online, int Busy, int Offline);
