using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Tenants;

/// <summary>What <see cref="TenantGrain"/> stores: its live state and the event-log position it includes.</summary>
[GenerateSerializer, Alias("contactos.tenant-snapshot")]
public sealed class TenantSnapshot
{
    [Id(0)]
    public long Position { get; set; }

    [Id(1)]
    public long Active { get; set; }

    [Id(2)]
    public long Pending { get; set; }

    [Id(3)]
    public Dictionary<string, long> Assigned { get; set; } = [];

    [Id(4)]
    public List<AgentState> Agents { get; set; } = [];
}
