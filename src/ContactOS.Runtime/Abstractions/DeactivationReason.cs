namespace ContactOS.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>Idle longer than its collection age.</summary>
    IdleCollection,

    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    Requested,

    /// <summary>A state write found a stale ETag; the next call reloads the state.</summary>
    InconsistentState,

    /// <summary>The silo is shutting down gracefully.</summary>
    ShuttingDown,

    /// <summary>The cluster membership changed and another silo owns the grain now.</summary>
    Moved,
}
