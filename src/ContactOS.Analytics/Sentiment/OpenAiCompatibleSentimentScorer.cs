using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOS.Analytics.Sentiment.Llm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactOS.Analytics.Sentiment;

/// <summary>
/// Scores a message with any OpenAI-compatible chat endpoint (llama.cpp, vLLM, Ollama, OpenAI...): it posts the
/// message with a system prompt that defines the 1-5 scale and reads the first digit of the answer. Ingestion must
/// not stall on a slow or broken model, so on a timeout, an HTTP error, a malformed answer or an answer without a
/// score it returns the built-in <see cref="LexiconSentimentScorer"/>'s score instead, and logs a warning the
/// first time each kind of failure happens (later ones at debug level). Neither the API key nor the message text is
/// ever logged.
/// </summary>
public sealed partial class OpenAiCompatibleSentimentScorer : ISentimentScorer
{
    /// <summary>The named <see cref="HttpClient"/> the scorer uses, for callers that want to configure it.</summary>
    public const string HttpClientName = "ContactOS.Sentiment.Llm";

    // A one-digit answer needs one or two tokens; a little slack for servers that emit a space or newline first.
    private const int MaxTokens = 4;

    // Bounds the request size (and the model's latency) for pasted documents; sentiment is evident well before this.
    private const int MaxMessageChars = 8_000;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly LexiconSentimentScorer _fallback;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OpenAiCompatibleSentimentScorer> _logger;
    private readonly Uri _endpoint;
    private readonly string _endpointForLogs;
    private readonly string _model;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly TimeSpan _timeout;
    private int _reportedFailureKinds;

    public OpenAiCompatibleSentimentScorer(
        IHttpClientFactory httpClientFactory,
        IOptions<SentimentOptions> options,
        LexiconSentimentScorer fallback,
        TimeProvider timeProvider,
        ILogger<OpenAiCompatibleSentimentScorer> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var llm = options.Value.Llm ?? new SentimentLlmOptions();
        var failures = SentimentOptionsValidator.ValidateLlm(llm);
        if (failures.Count > 0 || !SentimentOptionsValidator.TryGetEndpoint(llm.BaseUrl, out var endpoint))
        {
            throw new OptionsValidationException(SentimentOptions.SectionName, typeof(SentimentOptions), failures);
        }

        _httpClientFactory = httpClientFactory;
        _fallback = fallback;
        _timeProvider = timeProvider;
        _logger = logger;
        _endpoint = endpoint;
        _endpointForLogs = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        _model = llm.Model!.Trim();
        _authorization = string.IsNullOrWhiteSpace(llm.ApiKey) ? null : new AuthenticationHeaderValue("Bearer", llm.ApiKey.Trim());
        _timeout = llm.Timeout;
    }

    public async ValueTask<int> ScoreAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(text))
        {
            return SentimentScale.Neutral;
        }

        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await RequestScoreAsync(text, linked.Token) ?? _fallback.Score(text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout (or HttpClient's own) fired, not the caller's token.
            ReportFailure(LlmFailureKind.Timeout, $"no answer within {_timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException ex)
        {
            ReportFailure(LlmFailureKind.Unreachable, ex.HttpRequestError.ToString());
        }

        return _fallback.Score(text);
    }

    /// <summary>The model's score, or null (after reporting why) when the answer holds none.</summary>
    private async Task<int?> RequestScoreAsync(string text, CancellationToken cancellationToken)
    {
        var body = new ChatCompletionRequest(
            _model,
            Temperature: 0f,
            MaxTokens,
            [
                new ChatMessage("system", SentimentPrompt.System),
                new ChatMessage("user", text.Length > MaxMessageChars ? text[..MaxMessageChars] : text),
            ]);

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonContent.Create(body, ChatCompletionJsonContext.Default.ChatCompletionRequest),
        };
        request.Headers.Authorization = _authorization;

        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The body is not logged: a server may echo the request, and with it the customer's message.
            ReportFailure(LlmFailureKind.HttpStatus, $"HTTP {(int)response.StatusCode}");
            return null;
        }

        ChatCompletionResponse? completion;
        try
        {
            completion = await response.Content.ReadFromJsonAsync(ChatCompletionJsonContext.Default.ChatCompletionResponse, cancellationToken);
        }
        catch (JsonException)
        {
            ReportFailure(LlmFailureKind.MalformedResponse, "the body is not chat-completions JSON");
            return null;
        }

        var content = completion?.Choices is [{ Message.Content: { } answer }, ..] ? answer : null;
        if (content is null)
        {
            ReportFailure(LlmFailureKind.MalformedResponse, "no choices[0].message.content");
            return null;
        }

        if (!SentimentPrompt.TryParseScore(content, out var score))
        {
            ReportFailure(LlmFailureKind.NoScore, $"an answer of {content.Length} characters without a digit 1-5");
            return null;
        }

        return score;
    }

    private void ReportFailure(LlmFailureKind kind, string detail)
    {
        var bit = 1 << (int)kind;
        if ((Interlocked.Or(ref _reportedFailureKinds, bit) & bit) == 0)
        {
            LogFirstFailure(_logger, kind, _endpointForLogs, _model, detail);
        }
        else
        {
            LogRepeatedFailure(_logger, kind, detail);
        }
    }

    [LoggerMessage(1, LogLevel.Warning,
        "Sentiment LLM scorer failed ({Failure}: {Detail}) calling {Endpoint} with model {Model}; the built-in scorer " +
        "scored the message instead. Further {Failure} failures are logged at debug level.")]
    private static partial void LogFirstFailure(ILogger logger, LlmFailureKind failure, string endpoint, string model, string detail);

    [LoggerMessage(2, LogLevel.Debug, "Sentiment LLM scorer failed again ({Failure}: {Detail}); used the built-in scorer")]
    private static partial void LogRepeatedFailure(ILogger logger, LlmFailureKind failure, string detail);
}
