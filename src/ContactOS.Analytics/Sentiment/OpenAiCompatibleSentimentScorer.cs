using System.ClientModel;
using System.ClientModel.Primitives;
using ContactOS.Analytics.Sentiment.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace ContactOS.Analytics.Sentiment;

/// <summary>
/// Scores messages with any OpenAI-compatible chat endpoint (llama.cpp, vLLM, Ollama, OpenAI...) through an
/// <see cref="IChatClient"/>: one request carries up to <see cref="SentimentLlmOptions.BatchSize"/> messages as a
/// numbered list and asks for a JSON array of 1-5 scores. Ingestion must not stall on a slow or broken model: each
/// request runs under a timeout and a circuit breaker, and whatever the model does not score (a timeout, an HTTP
/// error, an open circuit, a malformed answer, an item that is not a score) the built-in
/// <see cref="LexiconSentimentScorer"/> scores instead, at once. A warning is logged the first time each kind of
/// failure happens (later ones at debug level). Neither the API key nor the message text is ever logged.
/// </summary>
public sealed partial class OpenAiCompatibleSentimentScorer : ISentimentScorer
{
    /// <summary>The named <see cref="HttpClient"/> the scorer uses, for callers that want to configure it.</summary>
    public const string HttpClientName = "ContactOS.Sentiment.Llm";

    // Under half the requests failing in the window is a model with hiccups, not a dead one.
    private const double BreakingFailureRatio = 0.5;

    // Failed requests in the window before the circuit may open: a single slow request does not cut the model off.
    private const int BreakerMinimumRequests = 4;

    private static readonly TimeSpan s_breakerWindow = TimeSpan.FromSeconds(30);

    private readonly IChatClient _client;
    private readonly ResiliencePipeline _resilience;
    private readonly LexiconSentimentScorer _fallback;
    private readonly ILogger<OpenAiCompatibleSentimentScorer> _logger;
    private readonly string _endpointForLogs;
    private readonly string _model;
    private readonly int _batchSize;
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

        _fallback = fallback;
        _logger = logger;
        _endpointForLogs = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) + "/chat/completions";
        _model = llm.Model!.Trim();
        _batchSize = llm.BatchSize;
        _timeout = llm.Timeout;
        _client = CreateChatClient(httpClientFactory.CreateClient(HttpClientName), endpoint, _model, llm.ApiKey);

        // The breaker outside the timeout: a request that times out counts as a failure. The caller's own
        // cancellation (OperationCanceledException) does not count.
        _resilience = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = BreakingFailureRatio,
                MinimumThroughput = BreakerMinimumRequests,
                SamplingDuration = s_breakerWindow,
                BreakDuration = llm.BreakDuration,
            })
            .AddTimeout(llm.Timeout)
            .Build();
    }

    public async ValueTask<int[]> ScoreAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();

        // Empty messages are neutral without asking; the others go to the model in requests of at most _batchSize.
        var scores = new int[texts.Count];
        var asked = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                scores[i] = SentimentScale.Neutral;
            }
            else
            {
                asked.Add(i);
            }
        }

        if (asked.Count == 0)
        {
            return scores;
        }

        // The requests of one batch go out together: the batch waits for the slowest, never for their sum.
        var indices = asked.ToArray();
        var requests = new List<Task>((indices.Length + _batchSize - 1) / _batchSize);
        for (var start = 0; start < indices.Length; start += _batchSize)
        {
            requests.Add(ScoreChunkAsync(texts, new ArraySegment<int>(indices, start, Math.Min(_batchSize, indices.Length - start)), scores, cancellationToken));
        }

        await Task.WhenAll(requests);
        return scores;
    }

    /// <summary>Scores the messages at <paramref name="indices"/> with one request; the built-in scorer fills whatever the model did not score.</summary>
    private async Task ScoreChunkAsync(IReadOnlyList<string> texts, ArraySegment<int> indices, int[] scores, CancellationToken cancellationToken)
    {
        var modelScores = new int[indices.Count];
        var answered = false;
        try
        {
            var answer = await _resilience.ExecuteAsync(
                async token => (await _client.GetResponseAsync(Conversation(texts, indices), RequestOptions(indices.Count), token)).Text,
                cancellationToken);
            answered = SentimentPrompt.TryParseScores(answer, modelScores);
            if (!answered)
            {
                ReportFailure(LlmFailureKind.NoScore, $"an answer of {answer.Length} characters without an array of {indices.Count} scores");
            }
            else if (modelScores.Contains(0))
            {
                ReportFailure(LlmFailureKind.NoScore, $"{modelScores.Count(s => s == 0)} of {indices.Count} items are not scores from 1 to 5");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            ReportFailure(LlmFailureKind.CircuitOpen, "most recent requests failed; the model is left alone for a while");
        }
        catch (TimeoutRejectedException)
        {
            ReportFailure(LlmFailureKind.Timeout, $"no answer within {_timeout.TotalMilliseconds:0} ms");
        }
        catch (ClientResultException exception) when (exception.Status > 0)
        {
            // The body is not logged: a server may echo the request, and with it the customer's messages.
            ReportFailure(LlmFailureKind.HttpStatus, $"HTTP {exception.Status}");
        }
        catch (ClientResultException exception) when (exception.InnerException is HttpRequestException unreachable)
        {
            ReportFailure(LlmFailureKind.Unreachable, unreachable.HttpRequestError.ToString());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The client could not read the answer as a chat completion. Only the type is logged: a message may quote the body.
            ReportFailure(LlmFailureKind.MalformedResponse, $"the answer is not a chat completion ({exception.GetType().Name})");
        }

        for (var i = 0; i < indices.Count; i++)
        {
            var index = indices[i];
            scores[index] = answered && modelScores[i] != 0 ? modelScores[i] : _fallback.Score(texts[index]);
        }
    }

    private static AiChatMessage[] Conversation(IReadOnlyList<string> texts, ArraySegment<int> indices) =>
    [
        new(ChatRole.System, SentimentPrompt.System),
        new(ChatRole.User, SentimentPrompt.UserMessage(texts, indices)),
    ];

    // A score, a comma and a space are a few tokens each; the slack covers a code fence the model may add.
    private static ChatOptions RequestOptions(int messages) => new() { Temperature = 0f, MaxOutputTokens = (messages * 4) + 16 };

    private static IChatClient CreateChatClient(HttpClient http, Uri endpoint, string model, string? apiKey)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(http),
            // The resilience pipeline decides about retries and time; the client's own would hold ingestion longer.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };

        // Local servers need no key; the client library wants one, so none is sent when none is configured.
        var hasKey = !string.IsNullOrWhiteSpace(apiKey);
        if (!hasKey)
        {
            options.AddPolicy(WithoutAuthorizationPolicy.Instance, PipelinePosition.BeforeTransport);
        }

        return new ChatClient(model, new ApiKeyCredential(hasKey ? apiKey!.Trim() : "none"), options).AsIChatClient();
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
        "scored the messages instead. Further {Failure} failures are logged at debug level.")]
    private static partial void LogFirstFailure(ILogger logger, LlmFailureKind failure, string endpoint, string model, string detail);

    [LoggerMessage(2, LogLevel.Debug, "Sentiment LLM scorer failed again ({Failure}: {Detail}); used the built-in scorer")]
    private static partial void LogRepeatedFailure(ILogger logger, LlmFailureKind failure, string detail);
}
