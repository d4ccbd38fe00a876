namespace ContactOS.Runtime.Tests.Grains;

[Reentrant]
public sealed class ReentrantGateGrain : Grain, IReentrantGateGrain
{
    private int _turnsRunningNow;
    private int _overlappingTurns;

    public async Task<int> Wait(string label)
    {
        var probe = ProbeRegistry.For(GetPrimaryKeyString());
        probe.Enter();
        CheckSingleThreaded();
        await probe.Gate.Task;
        CheckSingleThreaded();
        probe.Leave();
        return _overlappingTurns == 0 ? probe.MaxConcurrent : -1;
    }

    /// <summary>Interleaving happens only at awaits: two turns must never run code at the same instant.</summary>
    private void CheckSingleThreaded()
    {
        if (Interlocked.Increment(ref _turnsRunningNow) > 1)
        {
            Interlocked.Increment(ref _overlappingTurns);
        }

        Thread.SpinWait(1000);
        Interlocked.Decrement(ref _turnsRunningNow);
    }
}
