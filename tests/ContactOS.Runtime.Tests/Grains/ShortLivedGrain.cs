namespace ContactOS.Runtime.Tests.Grains;

[CollectionAgeLimit(Minutes = 2)]
public sealed class ShortLivedGrain : Grain, IShortLivedGrain
{
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ProbeRegistry.For(GetPrimaryKeyString()).Deactivated(reason);
        return Task.CompletedTask;
    }

    public Task Touch() => Task.CompletedTask;
}
