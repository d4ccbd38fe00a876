using ContactOS.Runtime.Calls;
using ContactOS.Runtime.Registry;
using ContactOS.Runtime.Timers;
using Microsoft.Extensions.Logging;

namespace ContactOS.Runtime.Activation;

/// <summary>
/// One activation of a grain and its scheduler. Execution is single-threaded: at most one thread runs work
/// for the activation at a time, and awaits inside grain code resume here because the activation is the
/// <see cref="SynchronizationContext"/> of its turns. On top of that, admission decides when a call may
/// start: a call that is not read-only, not always-interleave, to a grain that is not reentrant, runs alone
/// until its task completes. Calls wait in arrival order.
/// </summary>
/// <remarks>
/// When the activation is idle, a call runs inline on the caller's thread; if the grain method completes
/// synchronously (the common case for in-memory analytics grains), no queue, no thread switch and no extra
/// allocation is involved. Everything else goes through the queues under the activation's lock.
/// </remarks>
internal sealed class ActivationData : SynchronizationContext, IThreadPoolWorkItem
{
    private const int MaxItemsPerDrain = 128;

    private static readonly SendOrPostCallback s_activate = static s => _ = ((ActivationData)s!).ActivateAsync();
    private static readonly SendOrPostCallback s_deactivate = static s => _ = ((ActivationData)s!).DeactivateAsync();

    private readonly GrainTypeInfo _type;

    // A lock object of its own rather than the activation: System.Threading.Lock takes its fast path whatever else
    // touches the activation object (a sync block taken by a hash code, for one), and nothing outside can lock it.
    private readonly Lock _lock = new();
    private Grain? _grain;
    private ActivationStatus _status;
    private Queue<WorkItem>? _runnable;
    private Queue<IGrainCall>? _waiting;
    private int _runningWrites;
    private int _runningReadOnly;
    private int _runningInterleaved;
    private bool _executing;
    private DeactivationReason? _pendingDeactivation;
    private List<GrainTimer>? _timers;
    private TaskCompletionSource? _deactivated;

    public ActivationData(GrainRuntime runtime, GrainId grainId, GrainTypeInfo type)
    {
        Runtime = runtime;
        GrainId = grainId;
        _type = type;
        _status = ActivationStatus.Activating;
        LastActiveEpoch = runtime.CollectionEpoch;
    }

    public GrainRuntime Runtime { get; }

    public GrainId GrainId { get; }

    public GrainTypeInfo GrainType => _type;

    /// <summary>Collection epoch of the last turn that counted as activity.</summary>
    public int LastActiveEpoch { get; private set; }

    // A stale read is harmless: Enqueue checks again under the lock and asks the caller to look up again.
    public bool IsInvalid => _status == ActivationStatus.Invalid;

    internal object GrainInstance => _grain!;

    private int Running => _runningWrites + _runningReadOnly + _runningInterleaved;

    /// <summary>Starts the activation turn; calls queue behind it.</summary>
    public void Activate()
    {
        bool schedule;
        lock (_lock)
        {
            _runningWrites++;
            schedule = EnqueueRunnableLocked(new WorkItem(s_activate, this));
        }

        if (schedule)
        {
            ScheduleDrain();
        }
    }

    /// <summary>
    /// Claims the activation for a call that will run inline on the caller's thread. False when the call
    /// must queue: the activation is busy, not yet active, or other calls are waiting.
    /// </summary>
    public bool TryEnterInline(GrainMethod method)
    {
        lock (_lock)
        {
            if (_executing
                || (_runnable is { Count: > 0 })
                || (_waiting is { Count: > 0 } && !method.AlwaysInterleave)
                || !CanStartLocked(method))
            {
                return false;
            }

            _executing = true;
            OnStartedLocked(method);
            return true;
        }
    }

    /// <summary>Releases the claim taken by <see cref="TryEnterInline"/>.</summary>
    public void ExitInline(GrainMethod method, bool completed)
    {
        bool schedule;
        lock (_lock)
        {
            _executing = false;
            if (completed)
            {
                OnFinishedLocked(method, countsAsActivity: true);
            }

            schedule = AfterTurnLocked();
        }

        if (schedule)
        {
            ScheduleDrain();
        }
    }

    /// <summary>
    /// Queues a call. False when the activation is gone; the caller then routes the call to a new activation.
    /// </summary>
    public bool Enqueue(IGrainCall call)
    {
        bool schedule = false;
        lock (_lock)
        {
            if (_status == ActivationStatus.Invalid)
            {
                return false;
            }

            if ((_waiting is not { Count: > 0 } || call.Method.AlwaysInterleave) && CanStartLocked(call.Method))
            {
                OnStartedLocked(call.Method);
                schedule = EnqueueRunnableLocked(new WorkItem(null, call));
            }
            else
            {
                (_waiting ??= new Queue<IGrainCall>()).Enqueue(call);
            }
        }

        if (schedule)
        {
            ScheduleDrain();
        }

        return true;
    }

    /// <summary>Called when a started call's task completes, on whatever thread completed it.</summary>
    public void FinishCall(IGrainCall call, Task grainTask)
    {
        // The turn ends before the caller hears back, so a caller that acts on the answer (a new call, a
        // collection pass) finds the activation idle, not still busy with the call it just saw complete.
        try
        {
            EndTurn(call);
        }
        finally
        {
            call.Complete(grainTask);
        }
    }

    /// <summary>Turn bookkeeping after a call ends, whether or not it ran: admits what waits behind it.</summary>
    private void EndTurn(IGrainCall call)
    {
        bool schedule;
        lock (_lock)
        {
            OnFinishedLocked(call.Method, call.CountsAsActivity);
            schedule = AfterTurnLocked();
        }

        if (schedule)
        {
            ScheduleDrain();
        }
    }

    /// <summary>
    /// Asks for deactivation once no call is running. Calls that arrive meanwhile wait and then go to the next
    /// activation. Returns a task that completes when the activation is gone.
    /// </summary>
    public Task RequestDeactivation(DeactivationReason reason)
    {
        bool schedule = false;
        Task done;
        lock (_lock)
        {
            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done = _deactivated.Task;
            if (_status is ActivationStatus.Invalid or ActivationStatus.Deactivating)
            {
                return done;
            }

            // The first reason wins: an inconsistent-state drop must not be reported as idle collection.
            _pendingDeactivation ??= reason;
            if (!_executing)
            {
                schedule = AfterTurnLocked();
            }
        }

        if (schedule)
        {
            ScheduleDrain();
        }

        return done;
    }

    /// <summary>True when the activation has been idle for at least <paramref name="ageLimit"/>.</summary>
    public bool IsIdleFor(int currentEpoch, TimeSpan quantum, TimeSpan ageLimit)
    {
        lock (_lock)
        {
            // Activity in epoch L happened before the tick that started epoch L + 1, so at the tick that
            // starts epoch E the activation has been idle for at least (E - L - 1) quanta.
            return _status == ActivationStatus.Valid
                && Running == 0
                && _pendingDeactivation is null
                && (currentEpoch - LastActiveEpoch - 1) * quantum >= ageLimit;
        }
    }

    public void AddTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            (_timers ??= []).Add(timer);
        }
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        bool schedule;
        lock (_lock)
        {
            schedule = EnqueueRunnableLocked(new WorkItem(d, state));
        }

        if (schedule)
        {
            ScheduleDrain();
        }
    }

    public override SynchronizationContext CreateCopy() => this;

    void IThreadPoolWorkItem.Execute()
    {
        SetSynchronizationContext(this);
        try
        {
            for (var executed = 0; ; executed++)
            {
                WorkItem item;
                lock (_lock)
                {
                    if (_runnable is null || !_runnable.TryDequeue(out item))
                    {
                        // Nothing left: a deactivation requested meanwhile may now start, or calls may be admitted.
                        _executing = false;
                        if (!AfterTurnLocked() || !_runnable!.TryDequeue(out item))
                        {
                            _executing = false;
                            return;
                        }
                    }

                    if (executed == MaxItemsPerDrain)
                    {
                        // Yield the thread so one busy activation cannot starve others; _executing stays set.
                        _runnable.Enqueue(item);
                        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                        return;
                    }
                }

                Run(item);
            }
        }
        finally
        {
            SetSynchronizationContext(null);
        }
    }

    private void Run(WorkItem item)
    {
        try
        {
            if (item.Callback is { } callback)
            {
                callback(item.State);
            }
            else
            {
                StartCall((IGrainCall)item.State!);
            }
        }
        catch (Exception exception)
        {
            RuntimeLog.WorkItemFailed(Runtime.Logger, exception, GrainId);
        }
    }

    private void StartCall(IGrainCall call)
    {
        if (call.IsAnswered)
        {
            // The caller gave up (timeout) while the call waited: do not run it.
            EndTurn(call);
            return;
        }

        Task task;
        try
        {
            task = call.Start(_grain!);
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }

        if (task.IsCompleted)
        {
            FinishCall(call, task);
        }
        else
        {
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => FinishCall(call, task));
        }
    }

    private async Task ActivateAsync()
    {
        Grain? grain = null;
        try
        {
            grain = _type.Create(Runtime.Services);
            grain.Attach(this);
            await grain.ActivateCoreAsync(Runtime.StoppingToken);
        }
        catch (Exception exception)
        {
            RuntimeLog.ActivationFailed(Runtime.Logger, exception, GrainId);
            Fail(exception);
            return;
        }

        bool schedule;
        lock (_lock)
        {
            _grain = grain;
            _status = ActivationStatus.Valid;
            _runningWrites--;
            LastActiveEpoch = Runtime.CollectionEpoch;
            schedule = AfterTurnLocked();
        }

        if (schedule)
        {
            ScheduleDrain();
        }
    }

    private void Fail(Exception exception)
    {
        List<IGrainCall> waiting;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            _runningWrites = 0;
            waiting = DrainWaitingLocked();
        }

        Runtime.OnActivationRemoved(this);
        _deactivated?.TrySetResult();
        foreach (var call in waiting)
        {
            call.Fail(exception);
        }
    }

    private async Task DeactivateAsync()
    {
        DeactivationReason reason;
        List<GrainTimer>? timers;
        lock (_lock)
        {
            reason = _pendingDeactivation ?? DeactivationReason.Requested;
            timers = _timers;
            _timers = null;
        }

        if (timers is not null)
        {
            foreach (var timer in timers)
            {
                timer.DisposeCore();
            }
        }

        try
        {
            await _grain!.OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception exception)
        {
            RuntimeLog.DeactivationFailed(Runtime.Logger, exception, GrainId, reason);
        }

        List<IGrainCall> waiting;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            _runningWrites--;
            _grain = null;
            waiting = DrainWaitingLocked();
        }

        Runtime.OnActivationRemoved(this);
        _deactivated?.TrySetResult();
        foreach (var call in waiting)
        {
            // Timer ticks belong to this activation and die with it; calls go to the next activation.
            if (call is not GrainTimer)
            {
                Runtime.Redispatch(call);
            }
        }
    }

    private List<IGrainCall> DrainWaitingLocked()
    {
        var calls = new List<IGrainCall>(_waiting?.Count ?? 0);
        while (_waiting is not null && _waiting.TryDequeue(out var call))
        {
            calls.Add(call);
        }

        return calls;
    }

    /// <summary>
    /// After a turn ends: start deactivation if it is pending and nothing runs, else admit waiting calls in
    /// order. Returns true when the caller must schedule a drain.
    /// </summary>
    private bool AfterTurnLocked()
    {
        if (_pendingDeactivation is not null && _status == ActivationStatus.Valid && Running == 0)
        {
            _status = ActivationStatus.Deactivating;
            _runningWrites++;
            return EnqueueRunnableLocked(new WorkItem(s_deactivate, this));
        }

        var schedule = false;
        while (_waiting is { Count: > 0 } && CanStartLocked(_waiting.Peek().Method))
        {
            var call = _waiting.Dequeue();
            OnStartedLocked(call.Method);
            schedule |= EnqueueRunnableLocked(new WorkItem(null, call));
        }

        if (!_executing && _runnable is { Count: > 0 })
        {
            _executing = true;
            schedule = true;
        }

        return schedule;
    }

    private bool CanStartLocked(GrainMethod method)
    {
        if (_status != ActivationStatus.Valid || _pendingDeactivation is not null)
        {
            return false;
        }

        if (_type.IsReentrant || method.AlwaysInterleave)
        {
            return true;
        }

        return _runningWrites == 0 && (_runningReadOnly == 0 || method.IsReadOnly);
    }

    private void OnStartedLocked(GrainMethod method)
    {
        if (_type.IsReentrant || method.AlwaysInterleave)
        {
            _runningInterleaved++;
        }
        else if (method.IsReadOnly)
        {
            _runningReadOnly++;
        }
        else
        {
            _runningWrites++;
        }
    }

    private void OnFinishedLocked(GrainMethod method, bool countsAsActivity)
    {
        if (_type.IsReentrant || method.AlwaysInterleave)
        {
            _runningInterleaved--;
        }
        else if (method.IsReadOnly)
        {
            _runningReadOnly--;
        }
        else
        {
            _runningWrites--;
        }

        if (countsAsActivity)
        {
            LastActiveEpoch = Runtime.CollectionEpoch;
        }
    }

    /// <summary>Adds runnable work; true when the caller must schedule a drain because none is running.</summary>
    private bool EnqueueRunnableLocked(WorkItem item)
    {
        (_runnable ??= new Queue<WorkItem>(2)).Enqueue(item);
        if (_executing)
        {
            return false;
        }

        _executing = true;
        return true;
    }

    private void ScheduleDrain() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    private readonly record struct WorkItem(SendOrPostCallback? Callback, object? State);
}
