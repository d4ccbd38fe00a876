using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>An event history whose reads fail now and then, as a database outage makes them.</summary>
internal sealed class FlakyHistory(IEventHistory inner, int failEvery) : IEventHistory
{
    private int _reads;

    public int Failures { get; private set; }

    public Task<IReadOnlyList<PipelineEvent>> ReadAsync(
        string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _reads) % failEvery == 0)
        {
            Failures++;
            throw new InvalidOperationException("The database is unavailable.");
        }

        return inner.ReadAsync(tenantId, routingKeys, beforePosition, cancellationToken);
    }

    public Task<IReadOnlyList<(string TenantId, PipelineEvent Event)>> ReadAfterAsync(long afterPosition, int max, CancellationToken cancellationToken) =>
        inner.ReadAfterAsync(afterPosition, max, cancellationToken);

    public Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken) =>
        inner.ReadTenantAfterAsync(tenantId, afterPosition, max, cancellationToken);

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken) => inner.GetLastPositionAsync(cancellationToken);
}
