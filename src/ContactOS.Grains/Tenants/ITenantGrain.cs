namespace ContactOS.Grains.Tenants;

/// <summary>A tenant's live state: gauges (active, pending, assignments) and the agent roster; key: the tenant id.</summary>
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Applies a routed batch's gauge changes and roster entries; a range already included is ignored.</summary>
    Task Apply(TenantLiveChanges changes);

    [ReadOnly]
    Task<TenantLive> GetLive();

    /// <summary>The highest event-log position the state includes (0 for none).</summary>
    [ReadOnly]
    Task<long> GetPosition();

    /// <summary>Stores the state with the position it includes.</summary>
    Task SaveSnapshot();
}
