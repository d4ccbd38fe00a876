using ContactOS.Runtime.Persistence;

namespace ContactOS.Runtime;

/// <summary>
/// A grain with persistent state. The state is read before <see cref="Grain.OnActivateAsync"/>; writes and
/// clears carry the ETag of the last read or write, and a stale ETag raises
/// <see cref="InconsistentStateException"/> and drops the activation so the next call reloads.
/// </summary>
public abstract class Grain<TState> : Grain
    where TState : class, new()
{
    private string? _etag;

    /// <summary>The in-memory state; changes are durable only after <see cref="WriteStateAsync"/>.</summary>
    protected TState State { get; set; } = new();

    /// <summary>The ETag of the stored state; null when nothing is stored.</summary>
    protected string? StateETag => _etag;

    /// <summary>True when state was read from or written to the store.</summary>
    protected bool RecordExists => _etag is not null;

    /// <summary>The event-log position the stored state includes, written with it.</summary>
    protected long? StateLogPosition { get; set; }

    internal override async Task ActivateCoreAsync(CancellationToken cancellationToken)
    {
        await ReadStateAsync();
        await OnActivateAsync(cancellationToken);
    }

    /// <summary>Reloads the state from the store, replacing the in-memory one.</summary>
    protected async Task ReadStateAsync()
    {
        var stored = await Store.ReadAsync(GrainId, CancellationToken.None);
        if (stored is null)
        {
            State = new TState();
            _etag = null;
            StateLogPosition = null;
            return;
        }

        State = Activation.Runtime.StateSerializer.Deserialize<TState>(stored.Payload);
        _etag = stored.ETag;
        StateLogPosition = stored.LogPosition;
    }

    /// <summary>Stores the state; fails with <see cref="InconsistentStateException"/> if someone else wrote it since.</summary>
    protected async Task WriteStateAsync()
    {
        var payload = Activation.Runtime.StateSerializer.Serialize(State);
        try
        {
            _etag = await Store.WriteAsync(GrainId, payload, _etag, StateLogPosition, CancellationToken.None);
        }
        catch (InconsistentStateException)
        {
            _ = Activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
    }

    /// <summary>Deletes the stored state and resets the in-memory state to a new instance.</summary>
    protected async Task ClearStateAsync()
    {
        try
        {
            await Store.ClearAsync(GrainId, _etag, CancellationToken.None);
        }
        catch (InconsistentStateException)
        {
            _ = Activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }

        State = new TState();
        _etag = null;
        StateLogPosition = null;
    }

    private IGrainStateStore Store => Activation.Runtime.StateStore
        ?? throw new InvalidOperationException(
            $"Grain {GrainId} has persistent state but no grain state store is configured (see the Storage settings).");
}
