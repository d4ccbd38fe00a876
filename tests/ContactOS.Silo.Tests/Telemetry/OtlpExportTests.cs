using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Telemetry;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the silo sends an ingest request's trace, its metrics and its logs over OTLP.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task An_ingest_request_is_traced_through_the_log_append_and_the_pipeline_apply_and_metrics_follow()
    {
        await using var collector = new OtlpReceiver();
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Arguments = ["--Auth:Jwt:SigningKey", AuthSilo.SigningKey, "--Demo:Enabled", "true"],
            Environment = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            },
        });
        await silo.WaitUntilReadyAsync();

        using var issued = await AuthSilo.SendAsync(silo, HttpMethod.Post, "api/v2/auth/dev-token", body: new { tenant = AuthSilo.NewTenant("otlp"), roles = new[] { "ingest" } });
        using var issuedBody = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        var token = issuedBody.RootElement.GetProperty("token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.BaseAddress!, "api/v2/events"))
        {
            Content = new StringContent(
                """[{"id":"o1","type":"conversation.started","timestamp":"2026-11-22T10:15:00Z","conversationId":"c1"}]""",
                Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await silo.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Eventually.TrueAsync(
            () => collector.Received("/v1/traces", "ingest.append") && collector.Received("/v1/traces", "ingest.apply"),
            "the ingest spans reach the collector", TimeSpan.FromSeconds(30));

        // The request's own span (ASP.NET Core) ends after its answer is written, so it may come with a later export.
        await Eventually.TrueAsync(
            () => collector.Received("/v1/traces", "/api/v2/events"), "the request's own span reaches the collector", TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(
            () => collector.Received("/v1/metrics", "contactos.ingest.events"),
            "the ingest counters reach the collector", TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(
            () => collector.Posts.Any(post => post.Path == "/v1/logs"), "the logs reach the collector", TimeSpan.FromSeconds(30));
    }
}
