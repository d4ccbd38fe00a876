using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Tenants;

/// <summary>What <see cref="TenantGrain"/> stores (the log position goes with the record).</summary>
public sealed class TenantSnapshot
{
    public long Active { get; set; }

    public long Pending { get; set; }

    public Dictionary<string, long> Assigned { get; set; } = [];

    public List<AgentState> Agents { get; set; } = [];
}
