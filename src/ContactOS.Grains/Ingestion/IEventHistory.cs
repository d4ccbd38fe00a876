namespace ContactOS.Grains.Ingestion;

/// <summary>The event log as the grains read it back: histories of reactivated grains, and recovery's replay.</summary>
public interface IEventHistory
{
    /// <summary>A tenant's events about the given conversations and agents with positions below <paramref name="beforePosition"/>, in position order.</summary>
    Task<IReadOnlyList<PipelineEvent>> ReadAsync(string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> events of every tenant after <paramref name="afterPosition"/>, in position order.</summary>
    Task<IReadOnlyList<(string TenantId, PipelineEvent Event)>> ReadAfterAsync(long afterPosition, int max, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> events of one tenant after <paramref name="afterPosition"/>, in position order (a new owner's catch-up).</summary>
    Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken);

    /// <summary>The highest position in the log, 0 when it is empty.</summary>
    Task<long> GetLastPositionAsync(CancellationToken cancellationToken);
}
