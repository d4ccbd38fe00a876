namespace ContactOS.Runtime.Tests.Grains;

public class GateGrain : Grain, IGateGrain
{
    public Task<int> Wait(string label) => WaitCore(label);

    public Task<int> WaitReadOnly(string label) => WaitCore(label);

    public Task<int> WaitInterleaved(string label) => WaitCore(label);

    public Task<int> Peek() => Task.FromResult(ProbeRegistry.For(GetPrimaryKeyString()).Inside);

    private async Task<int> WaitCore(string label)
    {
        var probe = ProbeRegistry.For(GetPrimaryKeyString());
        probe.Enter();
        probe.Events.Enqueue("enter:" + label);
        try
        {
            await probe.Gate.Task;
            probe.Events.Enqueue("leave:" + label);
            return probe.MaxConcurrent;
        }
        finally
        {
            probe.Leave();
        }
    }
}
