namespace ContactOS.Grains.Queries;

/// <summary>
/// An agent on the roster: display name, status (online, busy, offline), since when in the tenant's time zone, and open
/// conversations assigned. An agent known only from assignments (no <c>agent.status</c> yet) is busy, named by id, with
/// no <see cref="Since"/>.
/// </summary>
public sealed record RosterEntry(string AgentId, string DisplayName, string Status, DateTimeOffset? Since, long AssignedConversations);
