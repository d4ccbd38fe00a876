namespace ContactOS.Runtime.Tests.Grains;

public sealed class LazyCounterGrain : Grain<CounterState>, ILazyCounterGrain
{
    public Task Increment()
    {
        State.Value++;
        return Task.CompletedTask;
    }

    public Task<int> Get() => Task.FromResult(State.Value);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteStateAsync();
}
