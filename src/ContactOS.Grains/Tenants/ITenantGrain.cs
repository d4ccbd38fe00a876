namespace ContactOS.Grains.Tenants;

/// <summary>A tenant's live state: gauges (active, pending, assignments) and the agent roster; key: the tenant id.</summary>
[Alias("contactos.tenant")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Applies a routed batch's gauge changes and roster entries; a range already included is ignored.</summary>
    [Alias("apply")]
    Task Apply(TenantLiveChanges changes);

    [ReadOnly]
    [Alias("live")]
    Task<TenantLive> GetLive();

    /// <summary>The highest event-log position the state includes (0 for none).</summary>
    [ReadOnly]
    [Alias("position")]
    Task<long> GetPosition();

    /// <summary>Stores the state with the position it includes.</summary>
    [Alias("save")]
    Task SaveSnapshot();
}
