namespace ContactOS.Analytics.Ingestion;

/// <summary>The body as a whole cannot be read (not JSON, not an array, too many items): nothing in it is taken.</summary>
public sealed class EventBatchFormatException : Exception
{
    public EventBatchFormatException()
    {
    }

    public EventBatchFormatException(string message) : base(message)
    {
    }

    public EventBatchFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>True when the body holds more items than allowed (HTTP 413 rather than 400).</summary>
    public bool TooManyEvents { get; init; }
}
