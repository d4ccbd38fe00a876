using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>The OpenAPI document the host serves describes every endpoint, the event contract included.</summary>
public sealed class OpenApiDocumentTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    [Fact]
    public async Task The_document_lists_every_endpoint_and_the_event_contract()
    {
        var document = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/v2/events", "/api/v2/analytics/kpis", "/api/v2/analytics/resolution-split", "/api/v2/analytics/handoff-reasons",
            "/api/v2/analytics/top-intents", "/api/v2/analytics/volume", "/api/v2/analytics/sentiment-trend",
            "/api/v2/analytics/insights", "/api/v2/agents", "/api/v2/tenant", "/api/v2/admin/api-keys",
            "/api/v2/auth/dev-token", "/api/v2/auth/whoami", "/health/live", "/health/ready",
        ];
        Assert.Empty(expected.Except(paths));

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var contactEvent = schemas.EnumerateObject().Single(s => s.Name == "ContactEvent").Value.GetProperty("properties");
        Assert.All(["id", "type", "timestamp", "conversationId", "agentId", "sentiment", "reason", "by", "status"],
            field => Assert.True(contactEvent.TryGetProperty(field, out _), field));

        var kpis = document.GetProperty("paths").GetProperty("/api/v2/analytics/kpis").GetProperty("get");
        var parameters = kpis.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["from", "interval", "period", "to"], parameters.Order().ToList());
        Assert.Equal(JsonValueKind.Object, kpis.GetProperty("responses").GetProperty("400").ValueKind);
    }

    [Fact]
    public async Task The_document_names_both_ways_to_authenticate_and_every_protected_operation_answers_401_and_403()
    {
        var document = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "openapi/v1.json");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("Bearer").GetProperty("type").GetString(), schemes.GetProperty("Bearer").GetProperty("scheme").GetString()));
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (
            schemes.GetProperty("ApiKey").GetProperty("type").GetString(),
            schemes.GetProperty("ApiKey").GetProperty("in").GetString(),
            schemes.GetProperty("ApiKey").GetProperty("name").GetString()));

        var operations = Operations(document).ToList();
        var anonymous = new[] { "POST /api/v2/auth/dev-token", "GET /api/v2/auth/demo-tenants", "GET /health/live", "GET /health/ready" };
        foreach (var (name, operation) in operations.Where(o => !anonymous.Contains(o.Name)))
        {
            Assert.True(operation.TryGetProperty("security", out _), $"{name} names no security scheme");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{name} lacks 401 or 403");
        }

        var ingest = operations.Single(o => o.Name == "POST /api/v2/events").Operation.GetProperty("security");
        Assert.Equal(["ApiKey", "Bearer"], ingest.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Order());
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_an_area_tag_and_event_types_are_an_enum()
    {
        var document = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "openapi/v1.json");

        string[] areas = ["Events", "Analytics", "Agents", "Live", "Tenant", "API keys", "Auth", "Health"];
        foreach (var (name, operation) in Operations(document))
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null), $"{name} has no summary");
            var tags = operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.True(tags.Count > 0 && tags.All(areas.Contains), $"{name} is tagged {string.Join(", ", tags)}");
        }

        var contactEvent = document.GetProperty("components").GetProperty("schemas").GetProperty("ContactEvent").GetProperty("properties");
        Assert.Equal(
            ["conversation.started", "message", "intent.detected", "tool.called", "handoff.requested", "agent.assigned",
             "conversation.resolved", "conversation.closed", "feedback", "agent.status"],
            contactEvent.GetProperty("type").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.All(contactEvent.EnumerateObject(), field =>
            Assert.False(string.IsNullOrWhiteSpace(field.Value.TryGetProperty("description", out var d) ? d.GetString() : null), $"{field.Name} is not described"));
        Assert.False(contactEvent.TryGetProperty("scoredSentiment", out _));
    }

    [Fact]
    public async Task The_reference_at_docs_opens_without_signing_in_and_the_document_holds_no_tenant_data()
    {
        var tenant = AuthSilo.NewTenant("secret");
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "api/v2/tenant", await silo.TokenAsync(tenant, "admin"),
            new { displayName = "Secret Corp", timeZone = "Europe/Madrid" });

        using var page = await silo.Http.GetAsync(new Uri(silo.BaseAddress, "docs"));
        var html = await page.Content.ReadAsStringAsync();
        var text = await (await silo.Http.GetAsync(new Uri(silo.BaseAddress, "openapi/v1.json"))).Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("scalar", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(tenant, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Corp", text, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);
}
