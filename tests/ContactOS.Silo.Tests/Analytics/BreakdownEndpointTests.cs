using System.Globalization;
using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing;

namespace ContactOS.Silo.Tests.Analytics;

/// <summary>
/// The breakdown, trend, insight and roster endpoints on the real host: a small known history gives known answers,
/// each tenant sees only its own, and bad parameters are 400 problems naming them.
/// </summary>
public sealed class BreakdownEndpointTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    public static TheoryData<string> Endpoints { get; } =
    [
        "api/v2/analytics/kpis", "api/v2/analytics/resolution-split", "api/v2/analytics/handoff-reasons",
        "api/v2/analytics/top-intents", "api/v2/analytics/volume", "api/v2/analytics/sentiment-trend", "api/v2/analytics/insights",
    ];

    private static Dictionary<string, object?> Event(string id, string type, DateTimeOffset at, string? conversation, object? extra = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["type"] = type,
            ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
        };
        if (conversation is not null)
        {
            fields["conversationId"] = conversation;
        }

        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            fields[property.Name] = property.GetValue(extra);
        }

        return fields;
    }

    private async Task<(Credentials Viewer, DateTimeOffset At)> SeedAsync(string tenant)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/v2/events", await silo.TokenAsync(tenant, "ingest"), new[]
        {
            Event("1", "conversation.started", at, "c1"),
            Event("2", "intent.detected", at, "c1", new { intent = "billing_question", confidence = 0.9 }),
            Event("3", "message", at, "c1", new { role = "customer", sentiment = 5 }),
            Event("4", "conversation.resolved", at, "c1", new { by = "ai" }),
            Event("5", "conversation.started", at, "c2"),
            Event("6", "intent.detected", at, "c2", new { intent = "billing_question", confidence = 0.8 }),
            Event("7", "intent.detected", at, "c2", new { intent = "cancel", confidence = 0.7 }),
            Event("8", "message", at, "c2", new { role = "customer", text = "This is terrible, I am furious and want to cancel." }),
            Event("9", "handoff.requested", at.AddSeconds(1), "c2", new { reason = "complaint" }),
            Event("10", "agent.assigned", at.AddSeconds(2), "c2", new { agentId = "a1" }),
            Event("11", "message", at.AddSeconds(3), "c2", new { role = "customer", sentiment = 4 }),
            Event("12", "agent.status", at, null, new { agentId = "a1", status = "busy", displayName = "Ana García" }),
            Event("13", "agent.status", at.AddSeconds(-30), null, new { agentId = "a1", status = "online", displayName = "Ana García" }),
            Event("14", "agent.status", at, null, new { agentId = "a2", status = "offline", displayName = "Bruno" }),
        });
        return (await silo.TokenAsync(tenant, "viewer"), at);
    }

    [Fact]
    public async Task A_known_history_gives_known_breakdowns_and_roster()
    {
        var (viewer, at) = await SeedAsync(AuthSilo.NewTenant("breakdown"));

        var split = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/resolution-split?period=today", viewer);
        Assert.Equal((1, 0, 1.0), (split.GetProperty("ai").GetInt32(), split.GetProperty("human").GetInt32(), split.GetProperty("aiShare").GetDouble()));

        var reasons = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/handoff-reasons?period=7d", viewer);
        Assert.Equal(
            ["complex_request:0", "billing:0", "complaint:1", "loop_guard:0", "other:0"],
            reasons.GetProperty("reasons").EnumerateArray().Select(r => $"{r.GetProperty("reason").GetString()}:{r.GetProperty("count").GetInt32()}"));

        var intents = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/top-intents?period=30d", viewer);
        Assert.Equal(
            ["billing_question:2", "cancel:1"],
            intents.GetProperty("intents").EnumerateArray().Select(i => $"{i.GetProperty("intent").GetString()}:{i.GetProperty("count").GetInt32()}"));

        var volume = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/volume?period=today", viewer);
        Assert.Equal("hour", volume.GetProperty("interval").GetString());
        var buckets = volume.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(24, buckets.Count);
        Assert.Equal(1, buckets.Sum(b => b.GetProperty("ai").GetInt32()));

        // The unscored complaint is scored by the built-in scorer (very negative) in the AI phase; the human phase has the 4.
        var trend = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/sentiment-trend?period=today", viewer);
        var hour = trend.GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("ai").ValueKind == JsonValueKind.Number);
        Assert.Equal(at.Hour, hour.GetProperty("start").GetDateTimeOffset().ToUniversalTime().Hour);
        Assert.Equal(3.0, hour.GetProperty("ai").GetDouble());
        Assert.Equal(4.0, hour.GetProperty("human").GetDouble());

        var roster = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/agents", viewer);
        var agents = roster.GetProperty("agents").EnumerateArray().ToList();
        Assert.Equal(["Ana García:busy:1", "Bruno:offline:0"], agents.Select(a =>
            $"{a.GetProperty("displayName").GetString()}:{a.GetProperty("status").GetString()}:{a.GetProperty("assignedConversations").GetInt32()}"));
        Assert.Equal(at, agents[0].GetProperty("since").GetDateTimeOffset());
        Assert.Equal((0, 1, 1), (roster.GetProperty("counts").GetProperty("online").GetInt32(),
            roster.GetProperty("counts").GetProperty("busy").GetInt32(), roster.GetProperty("counts").GetProperty("offline").GetInt32()));
    }

    [Fact]
    public async Task The_roster_gives_every_time_in_the_tenants_offset_and_lists_an_assigned_agent_who_never_sent_a_status()
    {
        var tenant = AuthSilo.NewTenant("roster-zone");
        var admin = await silo.TokenAsync(tenant, "admin");
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "api/v2/tenant", admin, new { displayName = "Kolkata desk", timeZone = "Asia/Kolkata" });
        var madrid = DateTimeOffset.UtcNow.AddMinutes(-10).ToOffset(TimeSpan.FromHours(2));
        var newYork = DateTimeOffset.UtcNow.AddMinutes(-8).ToOffset(TimeSpan.FromHours(-5));
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/v2/events", await silo.TokenAsync(tenant, "ingest"), new[]
        {
            Event("s1", "agent.status", madrid, null, new { agentId = "a1", status = "online", displayName = "Ana" }),
            Event("s2", "agent.status", newYork, null, new { agentId = "a2", status = "offline", displayName = "Bruno" }),
            Event("c1", "conversation.started", newYork, "c1"),
            Event("c2", "handoff.requested", newYork.AddSeconds(5), "c1", new { reason = "complaint" }),
            Event("c3", "agent.assigned", newYork.AddSeconds(9), "c1", new { agentId = "z9" }),
        });

        var roster = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/agents", admin);

        var agents = roster.GetProperty("agents").EnumerateArray().ToDictionary(a => a.GetProperty("agentId").GetString()!);
        Assert.Equal(["a1", "a2", "z9"], agents.Keys.Order(StringComparer.Ordinal));
        var kolkata = TimeSpan.FromHours(5.5);
        foreach (var (id, at) in new[] { ("a1", madrid), ("a2", newYork) })
        {
            var since = DateTimeOffset.Parse(agents[id].GetProperty("since").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal((at.UtcDateTime, kolkata), (since.UtcDateTime, since.Offset));
        }

        var unreported = agents["z9"];
        Assert.Equal(("z9", "busy", JsonValueKind.Null, 1), (unreported.GetProperty("displayName").GetString(),
            unreported.GetProperty("status").GetString(), unreported.GetProperty("since").ValueKind, unreported.GetProperty("assignedConversations").GetInt32()));
        Assert.Equal((1, 1, 1), (roster.GetProperty("counts").GetProperty("online").GetInt32(),
            roster.GetProperty("counts").GetProperty("busy").GetInt32(), roster.GetProperty("counts").GetProperty("offline").GetInt32()));
    }

    [Fact]
    public async Task Insights_speak_english_or_spanish_and_refuse_other_languages()
    {
        var (viewer, _) = await SeedAsync(AuthSilo.NewTenant("insights"));

        var english = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/insights?period=today", viewer);
        var spanish = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/insights?period=today&lang=es", viewer);
        var problem = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "api/v2/analytics/insights?lang=fr", viewer);

        Assert.Equal(("en", "es"), (english.GetProperty("lang").GetString(), spanish.GetProperty("lang").GetString()));
        // Two conversations are too few to compare (20 in each period are needed): the one insight says so, in each language.
        Assert.Equal(0, english.GetProperty("positive").GetArrayLength());
        var (tooFew, pocas) = (english.GetProperty("attention").EnumerateArray().Single(), spanish.GetProperty("attention").EnumerateArray().Single());
        Assert.Equal(("too_few_to_compare", "too_few_to_compare"), (tooFew.GetProperty("rule").GetString(), pocas.GetProperty("rule").GetString()));
        Assert.NotEqual(tooFew.GetProperty("text").GetString(), pocas.GetProperty("text").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _), problem.ToString());
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_it()
    {
        await SeedAsync(AuthSilo.NewTenant("owner"));
        var stranger = await silo.TokenAsync(AuthSilo.NewTenant("stranger"), "viewer");

        var split = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/resolution-split?period=90d", stranger);
        var intents = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/top-intents?period=90d", stranger);
        var roster = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/agents", stranger);

        Assert.Equal(0, split.GetProperty("ai").GetInt32() + split.GetProperty("human").GetInt32());
        Assert.Equal(0, intents.GetProperty("intents").GetArrayLength());
        Assert.Equal(0, roster.GetProperty("agents").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_answers_a_bad_period_with_a_400_naming_it_and_refuses_anonymous_callers(string endpoint)
    {
        var viewer = await silo.TokenAsync(AuthSilo.NewTenant("params"), "viewer");

        var period = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, endpoint + "?period=yesterday", viewer);
        var interval = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, endpoint + "?period=7d&interval=week", viewer);
        using var anonymous = await silo.SendAsync(HttpMethod.Get, endpoint);

        Assert.True(period.GetProperty("errors").TryGetProperty("period", out _), period.ToString());
        Assert.True(interval.GetProperty("errors").TryGetProperty("interval", out _), interval.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
