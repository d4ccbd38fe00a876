namespace ContactOS.Grains.Ingestion;

/// <summary>See <see cref="ITenantPipelineGrain"/>. Holds no state: the owner's <see cref="TenantEventPipeline"/> does the work.</summary>
[CollectionAgeLimit(Minutes = 60)]
public sealed class TenantPipelineGrain(TenantEventPipeline pipeline) : Grain, ITenantPipelineGrain
{
    /// <summary>Below the call timeout, so a wait that gives up is answered rather than timed out by the caller.</summary>
    internal static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    public async Task WaitRouted(long position)
    {
        pipeline.NudgeTail();
        await pipeline.WaitRoutedAsync(GetPrimaryKeyString(), position, CancellationToken.None).WaitAsync(WaitLimit);
    }

    public Task<long> WaitChanged(long afterPosition) =>
        pipeline.WaitChangedAsync(GetPrimaryKeyString(), afterPosition, WaitLimit, CancellationToken.None);
}
