namespace ContactOS.Simulation.Oracle;

/// <summary>An agent's shares of handle time: count, exact mean and exact nearest-rank percentiles, in seconds.</summary>
public sealed record ExpectedAgentHandleTime(long Count, double? Mean, double? P50, double? P90, double? P95, double? P99);
