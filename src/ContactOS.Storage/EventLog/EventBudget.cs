namespace ContactOS.Storage.EventLog;

/// <summary>
/// Back-pressure for the group commit queue: a count of events that may be queued or being written. A caller takes
/// its batch's share before queuing and gets it back when its group is done; when the budget is spent, callers wait
/// in arrival order. Counting events, not calls, bounds memory whether calls carry one event or ten thousand.
/// </summary>
internal sealed class EventBudget
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private long _available;

    public EventBudget(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _available = capacity;
    }

    public int Capacity { get; }

    /// <summary>The share of a batch of <paramref name="events"/>: a batch larger than the whole budget takes all of it.</summary>
    public int ShareOf(int events) => Math.Min(events, Capacity);

    /// <summary>Takes <paramref name="count"/> (at most <see cref="Capacity"/>), waiting while it is not available.</summary>
    public Task TakeAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Capacity);
        Waiter waiter;
        lock (_lock)
        {
            // FIFO: while anyone waits, newcomers queue behind them, so a large batch is not starved by small ones.
            if (_waiters.Count == 0 && _available >= count)
            {
                _available -= count;
                return Task.CompletedTask;
            }

            cancellationToken.ThrowIfCancellationRequested();
            waiter = new Waiter(count);
            waiter.Node = _waiters.AddLast(waiter);
        }

        return WaitAsync(waiter, cancellationToken);
    }

    public void Return(int count)
    {
        List<Waiter>? granted = null;
        lock (_lock)
        {
            _available += count;
            while (_waiters.First is { } first && first.Value.Count <= _available)
            {
                _available -= first.Value.Count;
                _waiters.RemoveFirst();
                (granted ??= []).Add(first.Value);
            }
        }

        foreach (var waiter in granted ?? [])
        {
            waiter.Granted.TrySetResult();
        }
    }

    private async Task WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(static (state, token) =>
        {
            var (budget, waiting) = ((EventBudget, Waiter))state!;
            budget.Cancel(waiting, token);
        }, (this, waiter));
        await waiter.Granted.Task;
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (waiter.Node.List is null)
            {
                // Already granted: the caller owns the share and returns it itself.
                return;
            }

            _waiters.Remove(waiter.Node);
        }

        waiter.Granted.TrySetCanceled(cancellationToken);
        // A waiter removed from the head may have been what kept smaller ones behind it waiting.
        Return(0);
    }

    private sealed class Waiter(int count)
    {
        public int Count { get; } = count;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter> Node { get; set; } = null!;
    }
}
