using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Ingestion;

/// <summary>
/// A host scoring sentiment with a model (<c>Sentiment:Scorer=llm</c>) whose server hangs: ingestion goes on at the
/// speed of the timeout, one request per batch, and not at all slowed once the circuit opened.
/// </summary>
public sealed class SentimentModelOutageTests
{
    // Long enough for a cold first request to reach the model on a loaded machine.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Ingestion_falls_back_within_the_timeout_and_stops_calling_a_hanging_model_once_the_circuit_opens()
    {
        await using var model = new HangingModel();
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Arguments =
            [
                "--Auth:Jwt:SigningKey", AuthSilo.SigningKey, "--Demo:Enabled", "true",
                "--Sentiment:Scorer", "llm", "--Sentiment:Llm:BaseUrl", model.BaseUrl, "--Sentiment:Llm:Model", "tiny",
                "--Sentiment:Llm:Timeout", s_timeout.ToString("c"),
            ],
        });
        await silo.WaitUntilReadyAsync();
        using var issued = await AuthSilo.SendAsync(silo, HttpMethod.Post, "api/v2/auth/dev-token", body: new { tenant = AuthSilo.NewTenant("llm"), roles = new[] { "ingest" } });
        using var issuedBody = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        var token = issuedBody.RootElement.GetProperty("token").GetString()!;

        // Each batch of three unscored messages is one request to the model, and waits for the timeout, not the model.
        for (var batch = 1; batch <= 4; batch++)
        {
            var elapsed = await IngestAsync(silo, token, batch);
            Assert.InRange(elapsed, s_timeout, s_timeout + TimeSpan.FromSeconds(10));
            await Eventually.TrueAsync(() => model.Requests.Count == batch, $"the model got batch {batch}'s request");
            Assert.Equal(Enumerable.Repeat(3, batch), model.Requests);
        }

        // Four timeouts opened the circuit: batches are scored by the built-in scorer at once, and the model hears nothing.
        for (var batch = 5; batch <= 7; batch++)
        {
            var elapsed = await IngestAsync(silo, token, batch);
            Assert.True(elapsed < s_timeout, $"batch {batch} took {elapsed.TotalMilliseconds:0} ms with the circuit open");
        }

        Assert.Equal(4, model.Requests.Count);

        // The console logger writes from a queue of its own: the line may follow the answers by a moment.
        await Eventually.TrueAsync(() => silo.Output.Contains("CircuitOpen", StringComparison.Ordinal), "the silo logs that the circuit opened");
    }

    private static async Task<TimeSpan> IngestAsync(SiloProcess silo, string token, int batch)
    {
        string Message(int i, string text) =>
            $$"""{"id":"b{{batch}}-{{i}}","type":"message","timestamp":"2026-11-22T10:15:0{{i}}Z","conversationId":"c{{batch}}","role":"customer","text":"{{text}}"}""";
        var body = $"[{Message(1, "Thanks, excellent service!")},{Message(2, "This is the worst, I want to cancel.")},{Message(3, "When do you open?")}]";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.BaseAddress!, "api/v2/events"))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var watch = Stopwatch.StartNew();
        using var response = await silo.Http.SendAsync(request);
        var elapsed = watch.Elapsed;
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"batch {batch}: {(int)response.StatusCode} {answer}");
        Assert.Contains("\"accepted\":3", answer, StringComparison.Ordinal);
        return elapsed;
    }
}
