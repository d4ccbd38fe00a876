using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// A tenant's live state at one instant: conversations active and pending now, the roster ordered by display name
/// then id, and each agent's open assigned conversations.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.tenant-live")]
public sealed record TenantLive(long Active, long Pending, AgentState[] Agents, Dictionary<string, long> Assigned);
