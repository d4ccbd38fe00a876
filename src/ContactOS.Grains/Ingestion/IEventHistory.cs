namespace ContactOS.Grains.Ingestion;

/// <summary>The event log as the grains read it back: histories of reactivated grains, and a tenant's catch-up.</summary>
public interface IEventHistory
{
    /// <summary>A tenant's events about the given conversations and agents with positions below <paramref name="beforePosition"/>, in position order.</summary>
    Task<IReadOnlyList<PipelineEvent>> ReadAsync(string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> events of one tenant after <paramref name="afterPosition"/>, in position order.</summary>
    Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken);

    /// <summary>
    /// How many events of the tenant the log holds with positions in (<paramref name="afterPosition"/>,
    /// <paramref name="throughPosition"/>]: tells the pipeline whether the events it was handed are all there are.
    /// </summary>
    Task<int> CountTenantAsync(string tenantId, long afterPosition, long throughPosition, CancellationToken cancellationToken);
}
