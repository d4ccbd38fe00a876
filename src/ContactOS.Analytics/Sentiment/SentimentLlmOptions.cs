namespace ContactOS.Analytics.Sentiment;

/// <summary>Configuration section <c>Sentiment:Llm</c>: the OpenAI-compatible endpoint that scores messages.</summary>
public sealed class SentimentLlmOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The API root, for example <c>http://127.0.0.1:8080/v1</c>; requests go to <c>{BaseUrl}/chat/completions</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The model name sent in each request.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c> when set. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one message may take before the built-in scorer answers instead (default 00:00:02).</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
