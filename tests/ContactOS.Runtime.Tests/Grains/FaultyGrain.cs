namespace ContactOS.Runtime.Tests.Grains;

public sealed class FaultyGrain : Grain, IFaultyGrain
{
    public Task ThrowSynchronously(string message) => throw new InvalidOperationException(message);

    public async Task<int> ThrowAfterAwait(string message)
    {
        await Task.Yield();
        throw new ArgumentException(message, nameof(message));
    }

    public ValueTask<int> Echo(int value) => ValueTask.FromResult(value);

    public Task Hang() => ProbeRegistry.For(GetPrimaryKeyString()).Gate.Task;
}
