namespace ContactOS.Runtime.Tests.Grains;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;

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

    public Task StartTimer(TimeSpan dueTime, TimeSpan period, bool keepAlive, bool interleave)
    {
        _timer = RegisterGrainTimer(OnTick, new GrainTimerCreationOptions(dueTime, period) { KeepAlive = keepAlive, Interleave = interleave });
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> GetTicks() => Task.FromResult(_ticks);

    public async Task Wait(string label)
    {
        Probe.Events.Enqueue("enter:" + label);
        await Probe.Gate.Task;
        Probe.Events.Enqueue("leave:" + label);
    }

    private async Task OnTick(CancellationToken cancellationToken)
    {
        Probe.Events.Enqueue("tick");
        await Task.Yield();
        _ticks++;
    }
}
