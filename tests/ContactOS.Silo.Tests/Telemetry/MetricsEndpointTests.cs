using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing;
using ContactOS.Testing.Processes;
using ContactOS.Testing.SignalR;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Telemetry;

/// <summary>
/// <c>GET /metrics</c> on the real host: what a Prometheus scraper reads after events were ingested, and who may read
/// it (the figures cover every tenant of the cluster, so operators, not a tenant's admin).
/// </summary>
/// <remarks>
/// A process of its own: meters are process-wide, so in-process hosts of other test classes would add to its counts.
/// </remarks>
public sealed class MetricsEndpointTests(MetricsEndpointTests.ScrapedSilo silo) : IClassFixture<MetricsEndpointTests.ScrapedSilo>
{
    private const string Events = "contactos_ingest_events_total";

    private static string Started(string id) =>
        $$"""{"id":"{{id}}","type":"conversation.started","timestamp":"2026-11-22T10:15:00Z","conversationId":"{{id}}","channel":"web"}""";

    [Fact]
    public async Task A_scrape_counts_the_events_accepted_rejected_and_duplicate_as_ingested()
    {
        var tenant = AuthSilo.NewTenant("metrics");
        var ingest = await silo.TokenAsync(tenant, "ingest");
        var operatorToken = await silo.TokenAsync(tenant, "operator");
        var before = await ScrapeAsync(operatorToken);
        const string Invalid = """{"id":"bad","type":"nope","timestamp":"2026-11-22T10:15:00Z","conversationId":"c"}""";

        // 3 accepted and 1 rejected; then 1 duplicate and 1 accepted; then a batch with only a rejected item (a 400).
        Assert.Equal(HttpStatusCode.OK, await PostAsync(ingest, $"[{Started("a1")},{Started("a2")},{Invalid},{Started("a3")}]"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(ingest, $"[{Started("a2")},{Started("a4")}]"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(ingest, $"[{Invalid}]"));

        string after = "";
        await Eventually.TrueAsync(async () =>
        {
            after = await ScrapeAsync(operatorToken);
            return Delta("outcome=\"accepted\"") == 4;
        }, "the scrape shows the accepted events");

        Assert.Equal(4, Delta("outcome=\"accepted\""));
        Assert.Equal(1, Delta("outcome=\"duplicate\""));
        Assert.Equal(2, Delta("outcome=\"rejected\""));
        Assert.Equal(3, PrometheusText.Sum(after, "contactos_ingest_duration_seconds_count") - PrometheusText.Sum(before, "contactos_ingest_duration_seconds_count"));

        // Orleans' own meters, ASP.NET Core's and the runtime's (garbage collection) are in the same scrape.
        Assert.Contains("\norleans_", after, StringComparison.Ordinal);
        Assert.Contains("\nhttp_server_request_duration_seconds", after, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_gc_pause_time_seconds_total", after, StringComparison.Ordinal);

        // No series is per tenant.
        Assert.DoesNotContain(tenant, after, StringComparison.Ordinal);

        double Delta(string outcome) => PrometheusText.Sum(after, Events, outcome) - PrometheusText.Sum(before, Events, outcome);
    }

    [Fact]
    public async Task A_scrape_counts_the_connected_dashboards_and_times_the_pushes_they_get()
    {
        var tenant = AuthSilo.NewTenant("dashboards");
        var operatorToken = await silo.TokenAsync(tenant, "operator");
        var viewer = await silo.TokenAsync(tenant, "viewer");
        var ingest = await silo.TokenAsync(tenant, "ingest");
        var before = await ScrapeAsync(operatorToken);

        await using var first = await LiveConnection.ConnectAsync(silo.BaseAddress, "hubs/analytics", viewer.Token);
        await using var second = await LiveConnection.ConnectAsync(silo.BaseAddress, "hubs/analytics", viewer.Token);
        await first.InvokeAsync("Watch", "today");
        await first.NextAsync(TimeSpan.FromSeconds(10));
        var now = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(ingest,
            $$"""[{"id":"d1","type":"conversation.started","timestamp":"{{now}}","conversationId":"d1"}]"""));
        await first.NextAsync(TimeSpan.FromSeconds(10));

        string connected = "";
        await Eventually.TrueAsync(async () =>
        {
            connected = await ScrapeAsync(operatorToken);
            return Delta(connected, "contactos_live_push_delay_seconds_count") >= 1;
        }, "the scrape shows the push");
        Assert.Equal(2, Delta(connected, "contactos_live_dashboards"));

        await second.DisposeAsync();
        await Eventually.TrueAsync(async () => Delta(await ScrapeAsync(operatorToken), "contactos_live_dashboards") == 1, "one dashboard left");

        double Delta(string after, string metric) => PrometheusText.Sum(after, metric) - PrometheusText.Sum(before, metric);
    }

    [Fact]
    public async Task Only_an_operator_scrapes_the_metrics()
    {
        var tenant = AuthSilo.NewTenant("scrape");

        using var anonymous = await silo.SendAsync(HttpMethod.Get, "metrics");
        using var admin = await silo.SendAsync(HttpMethod.Get, "metrics", await silo.TokenAsync(tenant, "admin"));
        using var viewer = await silo.SendAsync(HttpMethod.Get, "metrics", await silo.TokenAsync(tenant, "viewer"));
        using var operatorScrape = await silo.SendAsync(HttpMethod.Get, "metrics", await silo.TokenAsync(tenant, "operator"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorScrape.StatusCode);
        Assert.StartsWith("text/plain", operatorScrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scraper_on_an_allowed_network_needs_no_credentials_and_a_bad_network_stops_start_up()
    {
        using var data = new SqliteTestDirectory();
        await using (var open = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Arguments = ["--Auth:Jwt:SigningKey", AuthSilo.SigningKey, "--Telemetry:Metrics:AllowedNetworks:0", "127.0.0.0/8"],
        }))
        {
            await open.WaitUntilReadyAsync();
            using var scrape = await AuthSilo.SendAsync(open, HttpMethod.Get, "metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        }

        using var otherData = new SqliteTestDirectory();
        await using var refused = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = otherData.Path,
            Arguments = ["--Auth:Jwt:SigningKey", AuthSilo.SigningKey, "--Telemetry:Metrics:AllowedNetworks:0", "10.0.0.300/8"],
        });
        Assert.NotEqual(0, await refused.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Telemetry:Metrics:AllowedNetworks:0 is '10.0.0.300/8'", refused.StandardError, StringComparison.Ordinal);
    }

    private async Task<string> ScrapeAsync(Credentials operatorToken)
    {
        using var response = await silo.SendAsync(HttpMethod.Get, "metrics", operatorToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpStatusCode> PostAsync(Credentials credentials, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.BaseAddress, "api/v2/events"))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Token);
        using var response = await silo.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The silo the scrapes read: a process, in demo mode for its dev tokens, with no demo traffic.</summary>
    public sealed class ScrapedSilo : IAsyncLifetime
    {
        private readonly SqliteTestDirectory _data = new();
        private SiloProcess? _process;

        private SiloProcess Process => _process ?? throw new InvalidOperationException("The silo starts in InitializeAsync.");

        public Uri BaseAddress => Process.BaseAddress!;

        public HttpClient Http => Process.Http;

        public async Task InitializeAsync()
        {
            _process = SiloProcess.Start(new SiloProcessOptions
            {
                DataDirectory = _data.Path,
                Arguments = ["--Auth:Jwt:SigningKey", AuthSilo.SigningKey, "--Demo:Enabled", "true", "--Demo:Traffic", "false"],
            });
            await _process.WaitUntilReadyAsync();
        }

        public async Task DisposeAsync()
        {
            if (_process is not null)
            {
                await _process.DisposeAsync();
            }

            _data.Dispose();
        }

        public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Credentials? credentials = null) =>
            AuthSilo.SendAsync(Process, method, path, credentials);

        public async Task<Credentials> TokenAsync(string tenant, params string[] roles)
        {
            using var response = await AuthSilo.SendAsync(Process, HttpMethod.Post, "api/v2/auth/dev-token", body: new { tenant, roles });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return Credentials.Bearer(answer.RootElement.GetProperty("token").GetString()!);
        }
    }
}
