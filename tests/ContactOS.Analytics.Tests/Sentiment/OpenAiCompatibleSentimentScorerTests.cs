using System.Net;
using System.Net.Sockets;
using ContactOS.Analytics.Sentiment;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>The LLM scorer against a real local HTTP server, wired up through <c>AddSentimentScoring</c>.</summary>
public sealed class OpenAiCompatibleSentimentScorerTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-0123456789";
    private const string Model = "tiny-sentiment-model";

    // The lexicon calls this a 5: a server answering 2 shows that the endpoint's digit is used.
    private const string PositiveText = "Thank you so much, excellent service, I'm a loyal customer!";

    private readonly CapturedLog _log = new();
    private readonly LexiconSentimentScorer _lexicon = new();
    private FakeChatCompletionServer _server = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _server = await FakeChatCompletionServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_endpoints_digit_is_the_score()
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, "2");
        var scorer = CreateScorer();

        Assert.IsType<OpenAiCompatibleSentimentScorer>(scorer);
        Assert.Equal(5, _lexicon.Score(PositiveText));
        Assert.Equal(2, await scorer.ScoreAsync(PositiveText, CancellationToken.None));
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData(" 4", 4)]
    [InlineData("5.", 5)]
    [InlineData("**1**", 1)]
    [InlineData("Sentiment: 3", 3)]
    public async Task The_first_standalone_digit_of_the_answer_is_used(string answer, int expected)
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, answer);
        Assert.Equal(expected, await CreateScorer().ScoreAsync("¿A qué hora abren?", CancellationToken.None));
    }

    [Fact]
    public async Task The_request_carries_the_model_the_scale_the_text_and_the_bearer_key()
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, "4");
        await CreateScorer().ScoreAsync("El técnico fue muy amable.", CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        Assert.Equal(Model, request.Body.GetProperty("model").GetString());
        Assert.Equal(0, request.Body.GetProperty("temperature").GetDouble());
        Assert.InRange(request.Body.GetProperty("max_tokens").GetInt32(), 1, 8);

        var messages = request.Body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        var prompt = messages[0].GetProperty("content").GetString()!;
        Assert.Contains("single digit", prompt, StringComparison.Ordinal);
        Assert.Contains("1 = very negative", prompt, StringComparison.Ordinal);
        Assert.Contains("5 = very positive", prompt, StringComparison.Ordinal);
        Assert.Equal("user", messages[1].GetProperty("role").GetString());
        Assert.Equal("El técnico fue muy amable.", messages[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Without_an_api_key_no_authorization_header_is_sent()
    {
        await CreateScorer(apiKey: null).ScoreAsync("Hello", CancellationToken.None);
        Assert.Equal("", Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_gets_the_builtin_score()
    {
        _server.Respond = async (context, aborted) =>
        {
            // Holds the request until the client gives up, the test ends, or 5 s pass.
            await Task.Delay(TimeSpan.FromSeconds(5), aborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!aborted.IsCancellationRequested)
            {
                await FakeChatCompletionServer.AnswerAsync(context, "1");
            }
        };
        var scorer = CreateScorer(timeout: "00:00:00.200");

        Assert.Equal(_lexicon.Score(PositiveText), await scorer.ScoreAsync(PositiveText, CancellationToken.None));
        AssertOneWarning("Timeout");
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_swallowed_by_the_fallback()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond = async (_, aborted) =>
        {
            received.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(5), aborted).ContinueWith(_ => { }, TaskScheduler.Default);
        };
        using var caller = new CancellationTokenSource();

        var scoring = CreateScorer(timeout: "00:00:05").ScoreAsync(PositiveText, caller.Token).AsTask();
        await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scoring);
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task An_http_error_gets_the_builtin_score_and_one_warning_however_often_it_happens()
    {
        _server.Respond = (context, aborted) =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return context.Response.WriteAsync($"upstream failure; echo: {PositiveText}", aborted);
        };
        var scorer = CreateScorer();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(_lexicon.Score(PositiveText), await scorer.ScoreAsync(PositiveText, CancellationToken.None));
        }

        AssertOneWarning("HttpStatus");
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.Equal(2, _log.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("HttpStatus", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("positive")]
    [InlineData("10")]
    [InlineData("7")]
    [InlineData("")]
    public async Task An_answer_without_a_digit_from_1_to_5_gets_the_builtin_score(string answer)
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, answer);

        Assert.Equal(_lexicon.Score(PositiveText), await CreateScorer().ScoreAsync(PositiveText, CancellationToken.None));
        AssertOneWarning("NoScore");
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("{\"choices\": []}")]
    [InlineData("{\"error\": {\"message\": \"model not loaded\"}}")]
    public async Task A_malformed_answer_gets_the_builtin_score(string body)
    {
        _server.Respond = (context, aborted) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body, aborted);
        };

        Assert.Equal(_lexicon.Score(PositiveText), await CreateScorer().ScoreAsync(PositiveText, CancellationToken.None));
        AssertOneWarning("MalformedResponse");
    }

    [Fact]
    public async Task An_unreachable_endpoint_gets_the_builtin_score()
    {
        var scorer = CreateScorer(baseUrl: $"http://127.0.0.1:{ClosedPort()}/v1");

        Assert.Equal(_lexicon.Score(PositiveText), await scorer.ScoreAsync(PositiveText, CancellationToken.None));
        AssertOneWarning("Unreachable");
    }

    [Fact]
    public async Task Empty_text_is_neutral_without_a_call()
    {
        Assert.Equal(3, await CreateScorer().ScoreAsync("   ", CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void The_builtin_scorer_is_the_default_and_always_registered_as_itself()
    {
        using var services = new ServiceCollection()
            .AddSentimentScoring(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        Assert.IsType<LexiconSentimentScorer>(services.GetRequiredService<ISentimentScorer>());
        Assert.Same(services.GetRequiredService<ISentimentScorer>(), services.GetRequiredService<LexiconSentimentScorer>());
        Assert.NotNull(CreateProvider(_server.BaseUrl, ApiKey, "00:00:02").GetRequiredService<LexiconSentimentScorer>());
    }

    // Generous by default: a first request on a loaded machine can take seconds; the timeout test sets its own.
    private ISentimentScorer CreateScorer(string? baseUrl = null, string? apiKey = ApiKey, string timeout = "00:00:10") =>
        CreateProvider(baseUrl ?? _server.BaseUrl, apiKey, timeout).GetRequiredService<ISentimentScorer>();

    private ServiceProvider CreateProvider(string baseUrl, string? apiKey, string timeout)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scorer"] = "llm",
            ["Llm:BaseUrl"] = baseUrl,
            ["Llm:Model"] = Model,
            ["Llm:ApiKey"] = apiKey,
            ["Llm:Timeout"] = timeout,
        };
        _services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_log))
            .AddSentimentScoring(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        return _services;
    }

    /// <summary>Exactly one warning, naming the failure kind, and nothing logged ever shows the key or the text.</summary>
    private void AssertOneWarning(string failureKind)
    {
        var warning = Assert.Single(_log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(failureKind, warning.Message, StringComparison.Ordinal);
        Assert.Contains(Model, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains(ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains("excellent service", StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
