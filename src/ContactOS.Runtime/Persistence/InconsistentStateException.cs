namespace ContactOS.Runtime.Persistence;

/// <summary>
/// A state write or clear presented an ETag that no longer matches the stored one: another activation or
/// process wrote the state in between. The runtime drops the activation so the next call reloads.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(GrainId grainId, string? expectedETag, string? storedETag)
        : base($"State of grain {grainId} was changed by someone else: expected ETag '{expectedETag ?? "(none)"}', " +
               $"stored ETag '{storedETag ?? "(none)"}'. The activation is dropped; the next call reloads the state.")
    {
        GrainId = grainId;
        ExpectedETag = expectedETag;
        StoredETag = storedETag;
    }

    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message) : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public GrainId GrainId { get; }

    public string? ExpectedETag { get; }

    /// <summary>The ETag found in the store, when the store could tell (null when the row is missing or unknown).</summary>
    public string? StoredETag { get; }
}
