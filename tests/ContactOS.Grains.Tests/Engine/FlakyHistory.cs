using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>An event history whose reads fail now and then, as a database outage makes them.</summary>
internal sealed class FlakyHistory(IEventHistory inner, int failEvery) : IEventHistory
{
    private int _reads;

    private int _failures;

    public int Failures => Volatile.Read(ref _failures);

    public Task<IReadOnlyList<PipelineEvent>> ReadAsync(
        string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _reads) % failEvery == 0)
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException("The database is unavailable.");
        }

        return inner.ReadAsync(tenantId, routingKeys, beforePosition, cancellationToken);
    }

    public Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken) =>
        inner.ReadTenantAfterAsync(tenantId, afterPosition, max, cancellationToken);

    public Task<int> CountTenantAsync(string tenantId, long afterPosition, long throughPosition, CancellationToken cancellationToken) =>
        inner.CountTenantAsync(tenantId, afterPosition, throughPosition, cancellationToken);
}
