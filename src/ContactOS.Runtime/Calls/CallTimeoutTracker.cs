using System.Collections.Concurrent;

namespace ContactOS.Runtime.Calls;

/// <summary>
/// Fails calls that have not been answered within the call timeout. Every call gets the same timeout, so
/// deadlines arrive in the order calls were tracked and one FIFO queue, swept by one timer, serves them all:
/// tracking a call costs an enqueue, not a timer.
/// </summary>
internal sealed class CallTimeoutTracker : IDisposable
{
    private readonly ConcurrentQueue<Entry> _pending = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly long _timeoutTicks;
    private ITimer? _sweeper;

    public CallTimeoutTracker(TimeProvider timeProvider, TimeSpan timeout)
    {
        _timeProvider = timeProvider;
        _timeout = timeout;
        _timeoutTicks = (long)(timeout.TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <summary>
    /// Starts sweeping. The sweep interval (at most 100 ms) is both the timeout's precision and how long answered
    /// calls stay queued, so a busy silo holds at most a tenth of a second of them (behind a call still running).
    /// </summary>
    public void Start()
    {
        var interval = TimeSpan.FromTicks(Math.Clamp(_timeout.Ticks / 10, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond / 10));
        _sweeper = _timeProvider.CreateTimer(static s => ((CallTimeoutTracker)s!).Sweep(), this, interval, interval);
    }

    public void Track(IGrainCall call) => _pending.Enqueue(new Entry(_timeProvider.GetTimestamp() + _timeoutTicks, call));

    public void Sweep()
    {
        var now = _timeProvider.GetTimestamp();
        while (_pending.TryPeek(out var entry) && (entry.Deadline <= now || entry.Call.IsAnswered))
        {
            if (!_pending.TryDequeue(out entry))
            {
                break;
            }

            if (!entry.Call.IsAnswered && entry.Deadline <= now)
            {
                entry.Call.Fail(new TimeoutException(
                    $"Call {entry.Call.Method} to grain {entry.Call.Target} did not complete within {_timeout.TotalSeconds:0.###} s. " +
                    "The grain may be busy with a long call, or non-reentrant grains may be calling each other in a cycle."));
            }
        }
    }

    public void Dispose() => _sweeper?.Dispose();

    private readonly record struct Entry(long Deadline, IGrainCall Call);
}
