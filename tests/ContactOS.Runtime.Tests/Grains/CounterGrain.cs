namespace ContactOS.Runtime.Tests.Grains;

public sealed class CounterGrain : Grain<CounterState>, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    private Probe Probe => ProbeRegistry.For(GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Probe.Activated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Probe.Deactivated(reason);
        return Task.CompletedTask;
    }

    public async Task<int> Add(int amount)
    {
        State.Value += amount;
        await WriteStateAsync();
        return State.Value;
    }

    public Task<int> Get() => Task.FromResult(State.Value);

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task Clear() => ClearStateAsync();
}
