namespace ContactOS.Simulation.Oracle;

/// <summary>One <c>tool.called</c> event: the tool, whether it succeeded (null when not said), and its latency in milliseconds when given.</summary>
internal readonly record struct ToolCall(string Tool, bool? Success, int? LatencyMs);
