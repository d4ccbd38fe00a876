namespace ContactOS.Grains.Ingestion;

/// <summary>
/// A tenant's pipeline as other silos reach it: keyed by the tenant id, so it lives on the tenant's owner. A front
/// silo that appended a tenant's events waits here until the owner has applied them, and a front silo with a
/// dashboard of the tenant long-polls here for changes.
/// </summary>
public interface ITenantPipelineGrain : IGrainWithStringKey
{
    /// <summary>Completes once the tenant's events up to <paramref name="position"/> are applied (TimeoutException after 10 s).</summary>
    [AlwaysInterleave]
    [LongPoll]
    Task WaitRouted(long position);

    /// <summary>The position through which the tenant's events are applied, once above <paramref name="afterPosition"/> or after 10 s.</summary>
    [AlwaysInterleave]
    [LongPoll]
    Task<long> WaitChanged(long afterPosition);
}
