namespace ContactOS.Runtime;

/// <summary>Hands out grain references. A reference is cheap and creates nothing until it is called.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>
    /// A reference whose calls run on this silo only: a call to a grain this silo does not own fails with
    /// <see cref="SiloUnavailableException"/> instead of going to the owner. For work that must stay with the grain's
    /// owner, such as applying a tenant's events, which a silo that lost the tenant must stop, not forward.
    /// </summary>
    TGrainInterface GetLocalGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;
}
