using ContactOS.Analytics.Events;
using ContactOS.Simulation;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>One POST of a platform: events of one tenant, in arrival order.</summary>
internal sealed record TenantBatch(string Tenant, ContactEvent[] Events)
{
    /// <summary>
    /// The arrivals cut into POSTs of about <paramref name="size"/> events per tenant: each chunk of the arrivals is split
    /// by tenant, so every tenant's events keep their arrival order across the batches.
    /// </summary>
    public static List<TenantBatch> Split(IReadOnlyList<TenantEvent> arrivals, int size, int tenants) =>
    [
        .. arrivals
            .Chunk(size * tenants)
            .SelectMany(chunk => chunk
                .GroupBy(e => e.TenantId, StringComparer.Ordinal)
                .Select(g => new TenantBatch(g.Key, [.. g.Select(e => e.Event)]))),
    ];

    /// <summary>The events of <paramref name="batches"/> as arrivals, in batch order (each tenant's in arrival order).</summary>
    public static IEnumerable<TenantEvent> Arrivals(IEnumerable<TenantBatch> batches) =>
        batches.SelectMany(batch => batch.Events.Select(e => new TenantEvent(batch.Tenant, e)));
}
