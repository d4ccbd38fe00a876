namespace ContactOS.Grains.Queries;

/// <summary>An agent on the roster: display name, status (online, busy, offline), since when, and open conversations assigned.</summary>
public sealed record RosterEntry(string AgentId, string DisplayName, string Status, DateTimeOffset Since, long AssignedConversations);
