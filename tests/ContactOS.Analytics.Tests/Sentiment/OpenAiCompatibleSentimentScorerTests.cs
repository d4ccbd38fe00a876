using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContactOS.Analytics.Sentiment;
using ContactOS.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>The LLM scorer against a real local HTTP server playing the model, wired up through <c>AddSentimentScoring</c>.</summary>
public sealed class OpenAiCompatibleSentimentScorerTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-0123456789";
    private const string Model = "tiny-sentiment-model";

    // The lexicon calls these 5, 1 and 3: a model answering otherwise shows that the model's scores are used.
    private const string Praise = "Thank you so much, excellent service, I'm a loyal customer!";
    private const string Threat = "This is the worst service ever, I want to cancel today.";
    private const string Question = "What time do you open on Saturday?";

    private static readonly TimeSpan s_holdLimit = TimeSpan.FromSeconds(10);

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
    public async Task A_batch_of_messages_is_scored_by_the_model_with_one_request()
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, "[2, 4, 5]");
        var scorer = CreateScorer();

        Assert.IsType<OpenAiCompatibleSentimentScorer>(scorer);
        Assert.Equal([5, 1, 3], Lexicon(Praise, Threat, Question));
        Assert.Equal(new[] { 2, 4, 5 }, await scorer.ScoreAsync([Praise, Threat, Question], CancellationToken.None));
        Assert.Single(_server.Requests);
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task The_request_carries_the_model_the_scale_the_numbered_messages_and_the_bearer_key()
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, "[4, 3]");
        await CreateScorer().ScoreAsync(["El técnico fue muy amable.", "Line one\nline two"], CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        Assert.Equal(Model, request.Body.GetProperty("model").GetString());
        Assert.Equal(0, request.Body.GetProperty("temperature").GetDouble());

        // The answer is bounded by the batch: a few tokens per score.
        Assert.InRange(request.Body.GetProperty("max_completion_tokens").GetInt32(), 2, 2 * 16);

        var messages = request.Body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        var prompt = messages[0].GetProperty("content").GetString()!;
        Assert.Contains("JSON array", prompt, StringComparison.Ordinal);
        Assert.Contains("1 = very negative", prompt, StringComparison.Ordinal);
        Assert.Contains("5 = very positive", prompt, StringComparison.Ordinal);
        Assert.Equal("user", messages[1].GetProperty("role").GetString());

        // One line per message, so a message's own line breaks cannot make two items of it.
        Assert.Equal("1. El técnico fue muy amable.\n2. Line one line two\n", messages[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_batch_larger_than_the_batch_size_is_split_into_bounded_requests()
    {
        _server.Respond = (context, _) =>
            FakeChatCompletionServer.AnswerAsync(context, "[" + string.Join(",", Enumerable.Repeat(2, FakeChatCompletionServer.MessagesAsked(context))) + "]");
        var texts = Enumerable.Range(0, 7).Select(i => $"Message {i}").ToArray();

        var scores = await CreateScorer(batchSize: 3).ScoreAsync(texts, CancellationToken.None);

        Assert.All(scores, s => Assert.Equal(2, s));
        Assert.Equal([1, 3, 3], _server.Requests.Select(r => r.Body.GetProperty("messages")[1].GetProperty("content").GetString()!.Count(c => c == '\n')).Order());
    }

    [Theory]
    [InlineData("```json\n[1, 5]\n```")]
    [InlineData("Here are the scores: [1,5]. Anything else?")]
    public async Task An_array_wrapped_in_prose_or_a_code_fence_is_read(string answer)
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, answer);
        Assert.Equal(new[] { 1, 5 }, await CreateScorer().ScoreAsync([Praise, Threat], CancellationToken.None));
    }

    [Fact]
    public async Task Without_an_api_key_no_authorization_header_is_sent()
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, "[3]");
        await CreateScorer(apiKey: null).ScoreAsync(["Hello"], CancellationToken.None);
        Assert.Equal("", Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task A_model_that_hangs_gets_the_builtin_scores_within_the_timeout_and_once_the_circuit_opens_is_not_called()
    {
        _server.Respond = HangAsync;
        // Long enough for a cold first request to reach the server on a loaded machine.
        var timeout = TimeSpan.FromSeconds(1);
        var scorer = CreateScorer(timeout: timeout.ToString("c"));

        // Each batch waits for the timeout, not for the model: the hold lasts far longer.
        for (var batch = 1; batch <= 4; batch++)
        {
            var watch = Stopwatch.StartNew();
            Assert.Equal(Lexicon(Praise, Threat), await scorer.ScoreAsync([Praise, Threat], CancellationToken.None));
            // The timeout's timer ticks on a coarser clock than the stopwatch: it may end a few milliseconds short of it.
            Assert.InRange(watch.Elapsed, timeout - TimeSpan.FromMilliseconds(50), timeout + TimeSpan.FromSeconds(5));

            // On a loaded machine the server may record the request after the client has given up on it.
            await Eventually.TrueAsync(() => _server.Requests.Count == batch, $"the model got batch {batch}'s request");
        }

        // Four timeouts in a row open the circuit: the built-in scorer answers at once and the model hears nothing.
        for (var batch = 0; batch < 5; batch++)
        {
            var watch = Stopwatch.StartNew();
            Assert.Equal(Lexicon(Praise, Threat), await scorer.ScoreAsync([Praise, Threat], CancellationToken.None));
            Assert.True(watch.Elapsed < timeout, $"an open circuit answered after {watch.Elapsed.TotalMilliseconds:0} ms");
        }

        Assert.Equal(4, _server.Requests.Count);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Timeout", StringComparison.Ordinal));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("CircuitOpen", StringComparison.Ordinal));
        AssertNothingSecretLogged();
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_swallowed_by_the_fallback()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond = async (context, aborted) =>
        {
            received.TrySetResult();
            await HangAsync(context, aborted);
        };
        using var caller = new CancellationTokenSource();

        var scoring = CreateScorer(timeout: "00:00:05").ScoreAsync([Praise], caller.Token).AsTask();
        await received.Task.WaitAsync(s_holdLimit);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scoring);
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task An_http_error_gets_the_builtin_scores_and_one_warning_however_often_it_happens()
    {
        _server.Respond = (context, aborted) =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return context.Response.WriteAsync($"upstream failure; echo: {Praise}", aborted);
        };
        var scorer = CreateScorer();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Lexicon(Praise, Question), await scorer.ScoreAsync([Praise, Question], CancellationToken.None));
        }

        AssertOneWarning("HttpStatus");
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.Equal(2, _log.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("HttpStatus", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Items_of_the_answer_that_are_not_scores_get_the_builtin_score_message_by_message()
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, """[2, "positive", 9, 4]""");

        var scores = await CreateScorer().ScoreAsync([Praise, Threat, Praise, Question], CancellationToken.None);

        Assert.Equal([2, _lexicon.Score(Threat), _lexicon.Score(Praise), 4], scores);
        AssertOneWarning("NoScore");
    }

    [Theory]
    [InlineData("positive")]
    [InlineData("5")]
    [InlineData("[1, 2]")]
    [InlineData("[1, 2, 3, 4]")]
    [InlineData("[1, 2,")]
    [InlineData("")]
    public async Task An_answer_without_one_score_per_message_gets_the_builtin_scores(string answer)
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, answer);

        Assert.Equal(Lexicon(Praise, Threat, Question), await CreateScorer().ScoreAsync([Praise, Threat, Question], CancellationToken.None));
        AssertOneWarning("NoScore");
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("{\"choices\": [")]
    public async Task A_body_that_is_not_a_chat_completion_gets_the_builtin_scores(string body)
    {
        _server.Respond = (context, aborted) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body, aborted);
        };

        Assert.Equal(Lexicon(Praise, Threat), await CreateScorer().ScoreAsync([Praise, Threat], CancellationToken.None));
        AssertOneWarning("MalformedResponse");
    }

    [Fact]
    public async Task An_unreachable_endpoint_gets_the_builtin_scores()
    {
        var scorer = CreateScorer(baseUrl: $"http://127.0.0.1:{ClosedPort()}/v1");

        Assert.Equal(Lexicon(Praise, Threat), await scorer.ScoreAsync([Praise, Threat], CancellationToken.None));
        AssertOneWarning("Unreachable");
    }

    [Fact]
    public async Task Empty_texts_are_neutral_and_only_the_others_are_asked()
    {
        _server.Respond = (context, _) => FakeChatCompletionServer.AnswerAsync(context, "[1]");
        var scorer = CreateScorer();

        Assert.Equal(new[] { 3, 3 }, await scorer.ScoreAsync(["   ", ""], CancellationToken.None));
        Assert.Empty(_server.Requests);
        Assert.Equal(new[] { 3, 1 }, await scorer.ScoreAsync(["", Praise], CancellationToken.None));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void The_builtin_scorer_is_the_default_and_always_registered_as_itself()
    {
        using var services = new ServiceCollection()
            .AddSentimentScoring(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        Assert.IsType<LexiconSentimentScorer>(services.GetRequiredService<ISentimentScorer>());
        Assert.Same(services.GetRequiredService<ISentimentScorer>(), services.GetRequiredService<LexiconSentimentScorer>());
        Assert.NotNull(CreateProvider(_server.BaseUrl, ApiKey, "00:00:02", 32).GetRequiredService<LexiconSentimentScorer>());
    }

    /// <summary>Holds the request until the client gives up or the test ends, as a model that hangs does.</summary>
    private static async Task HangAsync(HttpContext context, CancellationToken aborted)
    {
        await Task.Delay(s_holdLimit, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
        if (!aborted.IsCancellationRequested)
        {
            await FakeChatCompletionServer.AnswerAsync(context, "[1, 1]");
        }
    }

    private int[] Lexicon(params string[] texts) => [.. texts.Select(_lexicon.Score)];

    // Generous by default: a first request on a loaded machine can take seconds; the timeout tests set their own.
    private ISentimentScorer CreateScorer(string? baseUrl = null, string? apiKey = ApiKey, string timeout = "00:00:10", int batchSize = 32) =>
        CreateProvider(baseUrl ?? _server.BaseUrl, apiKey, timeout, batchSize).GetRequiredService<ISentimentScorer>();

    private ServiceProvider CreateProvider(string baseUrl, string? apiKey, string timeout, int batchSize)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scorer"] = "llm",
            ["Llm:BaseUrl"] = baseUrl,
            ["Llm:Model"] = Model,
            ["Llm:ApiKey"] = apiKey,
            ["Llm:Timeout"] = timeout,
            ["Llm:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
        AssertNothingSecretLogged();
    }

    private void AssertNothingSecretLogged()
    {
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
