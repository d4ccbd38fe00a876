using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tenants;

/// <summary>What one routed batch changes in a tenant's live state: gauge changes and the agents' new roster entries.</summary>
public sealed record TenantLiveChanges(
    IReadOnlyList<KeyValuePair<MetricKey, long>> Gauges, IReadOnlyList<AgentState> Agents, LogRange Range);
