using System.Globalization;
using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing;

namespace ContactOS.Silo.Tests.Analytics;

/// <summary><c>GET /api/v2/analytics/kpis</c> on the real host: events sent over HTTP show up in the caller's KPIs only.</summary>
public sealed class KpiEndpointTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    private static object Event(string id, string type, string conversation, DateTimeOffset at, object? extra = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["type"] = type,
            ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["conversationId"] = conversation,
        };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            fields[property.Name] = property.GetValue(extra);
        }

        return fields;
    }

    [Fact]
    public async Task Events_sent_today_show_in_todays_kpis_of_their_tenant_and_nowhere_else()
    {
        var tenant = AuthSilo.NewTenant("kpis");
        var other = AuthSilo.NewTenant("other");
        var ingest = await silo.TokenAsync(tenant, "ingest");
        var now = DateTimeOffset.UtcNow;
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/v2/events", ingest, new[]
        {
            Event("e1", "conversation.started", "c1", now),
            Event("e2", "message", "c1", now, new { role = "customer", sentiment = 4 }),
            Event("e3", "conversation.resolved", "c1", now, new { by = "ai" }),
            Event("e4", "conversation.started", "c2", now),
            Event("e5", "message", "c2", now, new { role = "customer", sentiment = 2 }),
            Event("e6", "handoff.requested", "c2", now, new { reason = "billing" }),
        });
        var viewer = await silo.TokenAsync(tenant, "viewer");

        JsonElement kpis = default;
        await Eventually.TrueAsync(async () =>
        {
            kpis = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/kpis?period=today", viewer);
            return kpis.GetProperty("totalConversations").GetProperty("value").GetDouble() == 2;
        }, "both conversations counted today");

        Assert.Equal(0.5, kpis.GetProperty("aiResolutionRate").GetProperty("value").GetDouble());
        Assert.Equal(1, kpis.GetProperty("pending").GetProperty("value").GetDouble());
        Assert.Equal(0, kpis.GetProperty("active").GetProperty("value").GetDouble());
        Assert.Equal(3.0, kpis.GetProperty("satisfaction").GetProperty("value").GetDouble());
        Assert.Equal(0, kpis.GetProperty("totalConversations").GetProperty("previous").GetDouble());
        Assert.Equal("today", kpis.GetProperty("period").GetString());

        var otherKpis = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/kpis?period=today", await silo.TokenAsync(other, "viewer"));
        Assert.Equal(0, otherKpis.GetProperty("totalConversations").GetProperty("value").GetDouble());
        Assert.Equal(0, otherKpis.GetProperty("pending").GetProperty("value").GetDouble());
    }

    [Theory]
    [InlineData("period=yesterday", "period")]
    [InlineData("from=2026-11-01T00:00:00&to=2026-11-02T00:00:00Z", "from")]
    [InlineData("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "from")]
    public async Task A_bad_period_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var viewer = await silo.TokenAsync(AuthSilo.NewTenant("badperiod"), "viewer");

        var problem = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "api/v2/analytics/kpis?" + query, viewer);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Kpis_need_a_signed_in_caller()
    {
        using var response = await silo.SendAsync(HttpMethod.Get, "api/v2/analytics/kpis");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
