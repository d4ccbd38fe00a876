using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Agents;

/// <summary>An agent's roster entry (null before any status event) and time spent in each status.</summary>
public sealed record AgentDetails(AgentState? State, IReadOnlyDictionary<string, TimeSpan> TimeInStatus);
