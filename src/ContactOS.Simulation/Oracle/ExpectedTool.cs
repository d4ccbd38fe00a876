namespace ContactOS.Simulation.Oracle;

/// <summary>
/// One tool's calls: succeeded and failed by their <c>success</c> field (a call without it is neither), the success
/// rate of those with one (null when none), and the latency of the calls that give one, in milliseconds.
/// </summary>
public sealed record ExpectedTool(string Tool, long Calls, long Succeeded, long Failed, double? SuccessRate, ExpectedDuration LatencyMs);
