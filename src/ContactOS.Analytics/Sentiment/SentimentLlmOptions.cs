namespace ContactOS.Analytics.Sentiment;

/// <summary>Configuration section <c>Sentiment:Llm</c>: the OpenAI-compatible endpoint that scores messages.</summary>
public sealed class SentimentLlmOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DefaultBreakDuration = TimeSpan.FromSeconds(30);

    public const int DefaultBatchSize = 32;

    /// <summary>The API root, for example <c>http://127.0.0.1:8080/v1</c>; requests go to <c>{BaseUrl}/chat/completions</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The model name sent in each request.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c> when set. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one request may take before the built-in scorer answers instead (default 00:00:02).</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Messages per request (default 32); an ingested batch with more messages sends several requests at once.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>
    /// Once most recent requests failed or timed out, how long the model is left alone (default 00:00:30): the
    /// built-in scorer scores at once meanwhile, then one request tries the model again.
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = DefaultBreakDuration;
}
