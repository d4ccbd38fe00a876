using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Agents;

/// <summary>An agent's roster entry (null before any status event) and time spent in each status.</summary>
[GenerateSerializer, Immutable, Alias("contactos.agent-details")]
public sealed record AgentDetails(AgentState? State, Dictionary<string, TimeSpan> TimeInStatus);
