using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactOS.Analytics.Events;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing.Browser;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;
using Microsoft.Playwright;

namespace ContactOS.Silo.Tests.Dashboard;

/// <summary>
/// One silo process as a user starts it, in demo mode with the demo's traffic on (a smaller history, so the fixture
/// starts in seconds), and one headless Chromium, shared by a test class. Tests that need exact figures use tenants
/// of their own, which the demo traffic never touches.
/// </summary>
public sealed class DashboardSilo : IAsyncLifetime
{
    private static readonly TimeSpan s_seedTimeout = TimeSpan.FromSeconds(90);

    private readonly SqliteTestDirectory _data = new();
    private SiloProcess? _silo;
    private HeadlessChromium? _chromium;

    public SiloProcess Process => _silo ?? throw new InvalidOperationException("The silo starts in InitializeAsync.");

    public HeadlessChromium Chromium => _chromium ?? throw new InvalidOperationException("Chromium starts in InitializeAsync.");

    public Uri BaseAddress => Process.BaseAddress!;

    /// <summary>Where screenshots go: the test output's TestResults/screenshots, kept after the run.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        _silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = _data.Path,
            DemoTraffic = true,
            Arguments =
            [
                "--Auth:Jwt:SigningKey", AuthSilo.SigningKey, "--Demo:Enabled", "true",
                "--Demo:ConversationsPerDay", "20",
            ],
        });
        await _silo.WaitUntilReadyAsync();
        // The demo tenants have their history once live traffic starts.
        await _silo.WaitForOutputAsync("Demo: streaming live traffic", s_seedTimeout);
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }

    /// <summary>A new page in a fresh browser profile; the caller disposes the context.</summary>
    public async Task<(DashboardPage Page, IBrowserContext Context)> NewPageAsync(int width = 1440, int height = 1000, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Chromium.NewContextAsync(width, height, colorScheme);
        var page = new DashboardPage(await context.NewPageAsync());
        return (page, context);
    }

    /// <summary>A dev token for <paramref name="tenant"/> with <paramref name="roles"/>.</summary>
    public async Task<string> TokenAsync(string tenant, params string[] roles)
    {
        var answer = await ExpectAsync(HttpMethod.Post, "api/v2/auth/dev-token", null, new { tenant, roles });
        return answer.GetProperty("token").GetString()!;
    }

    /// <summary>Posts events as a platform does and asserts they were all taken as new.</summary>
    public async Task PostEventsAsync(string ingestToken, IReadOnlyCollection<ContactEvent> events)
    {
        foreach (var chunk in events.Chunk(5_000))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "api/v2/events"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ingestToken);
            var ndjson = new StringBuilder();
            foreach (var contactEvent in chunk)
            {
                ndjson.Append(Encoding.UTF8.GetString(ContactEventJson.Serialize(contactEvent))).Append('\n');
            }

            request.Content = new StringContent(ndjson.ToString(), Encoding.UTF8, "application/x-ndjson");
            using var response = await Process.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST api/v2/events answered {(int)response.StatusCode}: {body}");
            using var answer = JsonDocument.Parse(body);
            Assert.True(answer.RootElement.GetProperty("accepted").GetInt32() == chunk.Length, $"Not every event was accepted: {body}");
        }
    }

    /// <summary>Sends a request and asserts 200, returning the JSON answer.</summary>
    public async Task<JsonElement> ExpectAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var response = await AuthSilo.SendAsync(Process, method, path, token is null ? null : Credentials.Bearer(token), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: expected 200, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The end of the silo's output, for failure messages.</summary>
    public string OutputTail => Process.Output.Length <= 4000 ? Process.Output : Process.Output[^4000..];
}
