namespace ContactOS.Grains.Ingestion;

/// <summary>
/// A tenant's pipeline, key: the tenant id. Applies the tenant's durable events to its grains in event-log order, one
/// batch at a time (turn-based execution is the ordering), and is where a tenant's grains catch up with the log after a
/// restart, a failover or a move.
/// </summary>
[Alias("contactos.tenant-pipeline")]
public interface ITenantPipelineGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the tenant's events up to the last of <paramref name="events"/> (just appended by the caller), reading
    /// from the log any of the tenant's earlier events not applied yet. Completes once they are applied.
    /// </summary>
    [Alias("apply")]
    Task Apply(AppendedEvents events);

    /// <summary>
    /// Applies whatever of the tenant's log its grains lack, once per activation; returns the position applied through.
    /// Queries call it first, so a tenant's first answer after a restart or a move is already exact. It interleaves
    /// with batches: it waits (up to a second) for the batch under way, so a query never reads the tenant's grains
    /// half-way through one, but never queues behind the batches waiting after it.
    /// </summary>
    [AlwaysInterleave]
    [Alias("catch-up")]
    Task<long> CatchUp();

    /// <summary>Starts the catch-up without waiting for it (a tenant grain that just activated).</summary>
    [OneWay]
    [Alias("wake")]
    Task Wake();

    /// <summary>
    /// The tenant's time zone changed: its figures are rebuilt from the whole log in <paramref name="timeZoneId"/>'s hours
    /// and days, as if the tenant had always been in it. Completes once they are.
    /// </summary>
    [Alias("change-time-zone")]
    Task ChangeTimeZone(string timeZoneId);

    /// <summary>The events that could not be applied, newest last, with the reason (at most the last 100).</summary>
    [ReadOnly]
    [Alias("set-aside")]
    Task<SetAsideEvent[]> GetSetAside();
}
