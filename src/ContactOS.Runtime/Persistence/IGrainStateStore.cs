namespace ContactOS.Runtime.Persistence;

/// <summary>
/// Durable grain state with optimistic concurrency. Implementations: SQLite and PostgreSQL (ContactOS.Storage),
/// and an in-memory store for unit tests.
/// </summary>
public interface IGrainStateStore
{
    /// <summary>Reads the state of <paramref name="grainId"/>, or null when none was written (or it was cleared).</summary>
    Task<StoredState?> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state if the stored ETag equals <paramref name="expectedETag"/> (null: no state may exist yet)
    /// and returns the new ETag. Throws <see cref="InconsistentStateException"/> when the ETag is stale.
    /// </summary>
    Task<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> payload, string? expectedETag, long? logPosition, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the state if the stored ETag equals <paramref name="expectedETag"/>.
    /// Throws <see cref="InconsistentStateException"/> when the ETag is stale.
    /// </summary>
    Task ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken);
}
