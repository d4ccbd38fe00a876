using ContactOS.Runtime.Activation;
using ContactOS.Runtime.Calls;

namespace ContactOS.Runtime.Timers;

/// <summary>
/// A timer owned by one activation. Each tick is queued as a turn of the activation; the next tick is armed
/// when the callback's task completes and before the turn ends, so ticks never overlap and any turn after a
/// tick finds the timer armed again.
/// </summary>
internal sealed class GrainTimer : IGrainTimer, IGrainCall
{
    private static readonly GrainMethod s_tick = new("timer", "Tick", GrainMethodFlags.None);
    private static readonly GrainMethod s_interleavedTick = new("timer", "Tick", GrainMethodFlags.AlwaysInterleave);

    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ITimer _timer;
    private readonly bool _keepAlive;
    private TimeSpan _period;
    private volatile bool _disposed;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _callback = callback;
        _keepAlive = options.KeepAlive;
        _period = options.Period;
        Method = options.Interleave ? s_interleavedTick : s_tick;
        activation.AddTimer(this);
        _timer = activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnTick(), this, options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public GrainMethod Method { get; }

    public GrainId Target => _activation.GrainId;

    public bool CountsAsActivity => _keepAlive;

    public bool IsAnswered => _disposed;

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _period = period;
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public Task Start(object grain) => TickAsync();

    public void Complete(Task grainTask)
    {
        if (grainTask.IsFaulted)
        {
            RuntimeLog.TimerCallbackFailed(_activation.Runtime.Logger, grainTask.Exception!.GetBaseException(), Target);
        }
    }

    public void Fail(Exception exception) => RuntimeLog.TimerCallbackFailed(_activation.Runtime.Logger, exception, Target);

    public void Dispose()
    {
        _activation.RemoveTimer(this);
        DisposeCore();
    }

    internal void DisposeCore()
    {
        _disposed = true;
        _timer.Dispose();
    }

    private async Task TickAsync()
    {
        try
        {
            await _callback(_activation.Runtime.StoppingToken).ConfigureAwait(false);
        }
        finally
        {
            if (!_disposed && _period != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnTick()
    {
        if (!_disposed && !_activation.Enqueue(this))
        {
            DisposeCore();
        }
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must be zero or positive, or infinite.");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive, or infinite to tick once.");
        }
    }
}
