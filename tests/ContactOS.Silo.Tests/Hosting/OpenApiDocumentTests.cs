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
}
