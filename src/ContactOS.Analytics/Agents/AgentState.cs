namespace ContactOS.Analytics.Agents;

/// <summary>
/// An agent as the roster shows it: the latest display name sent (the id when none was), the status of the latest
/// <c>agent.status</c> in event time, and that event's timestamp.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.agent-state")]
public sealed record AgentState(string AgentId, string DisplayName, string Status, DateTimeOffset Since);
