namespace ContactOS.Storage.EventLog;

/// <summary>
/// One caller's batch waiting for the writer. A caller cancelled while its batch is still queued is answered at once
/// and the writer skips the batch; once the writer has taken it, the batch is written and answered whatever happens
/// to the caller's token, so a transaction never depends on which callers are still listening.
/// </summary>
internal sealed class PendingAppend
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<IReadOnlyList<AppendResult>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _state;

    public PendingAppend(IReadOnlyList<LogEvent> events, DateTime receivedAt, int budgetShare)
    {
        Events = events;
        ReceivedAt = receivedAt;
        BudgetShare = budgetShare;
    }

    public IReadOnlyList<LogEvent> Events { get; }

    /// <summary>When the silo accepted the batch (UTC); stored with each event.</summary>
    public DateTime ReceivedAt { get; }

    /// <summary>What this batch took from the <see cref="EventBudget"/>, returned when its group is done.</summary>
    public int BudgetShare { get; }

    public Task<IReadOnlyList<AppendResult>> Completion => _completion.Task;

    /// <summary>Claims the batch for a group; false when its caller cancelled first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>Withdraws the batch if the writer has not taken it yet.</summary>
    public void TryCancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
    }

    public void Complete(IReadOnlyList<AppendResult> results) => _completion.TrySetResult(results);

    public void Fail(Exception error) => _completion.TrySetException(error);
}
