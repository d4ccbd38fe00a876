namespace ContactOS.Analytics.Agents;

/// <summary>One <c>agent.status</c> event: when, its arrival order (event-log position), the status and the display name sent.</summary>
public sealed record AgentStatusEntry(DateTimeOffset Timestamp, long Arrival, string Status, string? DisplayName);
