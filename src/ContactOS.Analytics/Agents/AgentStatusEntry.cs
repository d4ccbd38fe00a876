namespace ContactOS.Analytics.Agents;

/// <summary>One <c>agent.status</c> event: when, its arrival order (event-log position), the status and the display name sent.</summary>
[GenerateSerializer, Immutable, Alias("contactos.agent-status-entry")]
public sealed record AgentStatusEntry(DateTimeOffset Timestamp, long Arrival, string Status, string? DisplayName);
