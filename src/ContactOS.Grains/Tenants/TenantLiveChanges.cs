using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// What one routed batch changes in a tenant's live state: gauge changes and the agents' new roster entries.
/// <see cref="Expected"/> is the position the sender believes the tenant grain includes.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.tenant-live-changes")]
public sealed record TenantLiveChanges(KeyValuePair<MetricKey, long>[] Gauges, AgentState[] Agents, LogRange Range, long Expected);
