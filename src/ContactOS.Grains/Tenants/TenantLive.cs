using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// A tenant's live state at one instant: conversations active and pending now, the roster ordered by display name
/// then id, and each agent's open assigned conversations.
/// </summary>
public sealed record TenantLive(long Active, long Pending, IReadOnlyList<AgentState> Agents, IReadOnlyDictionary<string, long> Assigned);
