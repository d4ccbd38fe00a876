using System.Globalization;
using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;

namespace ContactOS.Silo.Tests.Analytics;

/// <summary>
/// The agent endpoints on the real host: a known day of three agents gives a known leaderboard in each order, a known day of
/// activity and known heatmap cells; bad parameters are 400 problems naming them, an unknown agent a 404, and another
/// tenant sees none of it.
/// </summary>
public sealed class AgentEndpointTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    // Yesterday (UTC, the tenants' default zone), so the whole day is over whatever the time of the run.
    private static readonly DateOnly s_day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    private static readonly DateTimeOffset s_nine = new(s_day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private static object Status(string id, double hours, string agentId, string status, string displayName) => new
    {
        id, type = "agent.status", timestamp = Stamp(hours), agentId, status, displayName,
    };

    private static object Conversation(string id, double hours, string conversationId, string type) => new
    {
        id, type, timestamp = Stamp(hours), conversationId,
    };

    private static object Assigned(string id, double hours, string conversationId, string agentId) => new
    {
        id, type = "agent.assigned", timestamp = Stamp(hours), conversationId, agentId,
    };

    private static object Resolved(string id, double hours, string conversationId) => new
    {
        id, type = "conversation.resolved", timestamp = Stamp(hours), conversationId, by = "human",
    };

    private static object Feedback(string id, double hours, string conversationId, int csat) => new
    {
        id, type = "feedback", timestamp = Stamp(hours), conversationId, csat,
    };

    private static string Stamp(double hours) => s_nine.AddHours(hours).ToString("O", CultureInfo.InvariantCulture);

    private async Task<Credentials> SeedAsync(string tenant)
    {
        var events = new List<object>
        {
            // Ana: online 9-10, busy 10-11, online from 11 on; Bruno: online 9:00-9:30, then offline; Carla never sends a status.
            Status("s1", 0, "a1", "online", "Ana"),
            Status("s2", 1, "a1", "busy", "Ana"),
            Status("s3", 2, "a1", "online", "Ana"),
            Status("s4", 0, "a2", "online", "Bruno"),
            Status("s5", 0.5, "a2", "offline", "Bruno"),
        };
        var conversations = new (string Id, string Agent, int? Csat)[] { ("c1", "a1", 5), ("c2", "a2", 3), ("c3", "a2", null), ("c4", "a3", null) };
        foreach (var (id, agent, csat) in conversations)
        {
            events.Add(Conversation($"{id}-s", 0.05, id, "conversation.started"));
            events.Add(new { id = $"{id}-h", type = "handoff.requested", timestamp = Stamp(0.06), conversationId = id, reason = "billing" });
            events.Add(Assigned($"{id}-a", 0.1, id, agent));
            if (id != "c4")
            {
                events.Add(Resolved($"{id}-r", 0.2, id));
            }

            if (csat is { } score)
            {
                events.Add(Feedback($"{id}-f", 0.3, id, score));
            }
        }

        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/v2/events", await silo.TokenAsync(tenant, "ingest"), events);
        return await silo.TokenAsync(tenant, "viewer");
    }

    private static List<string> Order(JsonElement leaderboard) =>
        [.. leaderboard.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("displayName").GetString()!)];

    [Fact]
    public async Task The_leaderboard_lists_every_agent_of_the_period_in_the_order_asked_for()
    {
        var viewer = await SeedAsync(AuthSilo.NewTenant("leaderboard"));

        var board = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/agents?period=7d", viewer);
        Assert.Equal("resolutions", board.GetProperty("sort").GetString());
        Assert.Equal(["Bruno", "Ana", "a3"], Order(board));
        var ana = board.GetProperty("agents")[1];
        Assert.Equal((1, 1, 1), (ana.GetProperty("handled").GetInt32(), ana.GetProperty("resolutions").GetInt32(), ana.GetProperty("handleTime").GetProperty("count").GetInt32()));
        Assert.Equal(360, ana.GetProperty("handleTime").GetProperty("p50").GetDouble(), 0.01 * 360);
        Assert.Equal((1, 5.0), (ana.GetProperty("csat").GetProperty("responses").GetInt32(), ana.GetProperty("csat").GetProperty("mean").GetDouble()));
        Assert.Equal(3600, ana.GetProperty("busySeconds").GetDouble());
        Assert.InRange(ana.GetProperty("occupancy").GetDouble(), 0.01, 0.5);
        var carla = board.GetProperty("agents")[2];
        Assert.Equal(JsonValueKind.Null, carla.GetProperty("occupancy").ValueKind);
        Assert.Equal(JsonValueKind.Null, carla.GetProperty("csat").GetProperty("mean").ValueKind);

        Assert.Equal(["Bruno", "Ana", "a3"], Order(await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/agents?period=7d&sort=handled", viewer)));
        Assert.Equal(["Ana", "Bruno", "a3"], Order(await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/agents?period=7d&sort=csat", viewer)));
        Assert.Equal(["Ana", "Bruno", "a3"], Order(await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/agents?period=7d&sort=occupancy", viewer)));
        Assert.Equal(["Ana", "Bruno", "a3"], Order(await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/agents?period=7d&sort=handleTime", viewer)));
    }

    [Fact]
    public async Task An_agents_day_gives_its_intervals_and_the_time_per_status()
    {
        var viewer = await SeedAsync(AuthSilo.NewTenant("activity"));

        var day = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"api/v2/agents/a1/activity?date={s_day:yyyy-MM-dd}", viewer);
        Assert.Equal("Ana", day.GetProperty("displayName").GetString());
        Assert.Equal(
            ["online 09:00-10:00", "busy 10:00-11:00", "online 11:00-00:00"],
            day.GetProperty("intervals").EnumerateArray().Select(i =>
                $"{i.GetProperty("status").GetString()} {i.GetProperty("from").GetDateTimeOffset():HH:mm}-{i.GetProperty("to").GetDateTimeOffset():HH:mm}"));
        Assert.Equal(
            ["online:50400", "busy:3600", "offline:0"],
            day.GetProperty("totals").EnumerateArray().Select(t => $"{t.GetProperty("status").GetString()}:{t.GetProperty("seconds").GetDouble()}"));

        // An agent known only from an open assignment has a day without intervals.
        var carla = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"api/v2/agents/a3/activity?date={s_day:yyyy-MM-dd}", viewer);
        Assert.Empty(carla.GetProperty("intervals").EnumerateArray());
    }

    [Fact]
    public async Task The_heatmap_places_conversations_and_occupancy_in_their_local_weekday_and_hour()
    {
        var viewer = await SeedAsync(AuthSilo.NewTenant("heatmap"));

        var heatmap = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/heatmap?period=7d", viewer);
        var cells = heatmap.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(168, cells.Count);
        Assert.Equal(("monday", 0), (cells[0].GetProperty("weekday").GetString(), cells[0].GetProperty("hour").GetInt32()));
        Assert.Equal(4, cells.Sum(c => c.GetProperty("conversations").GetInt32()));
        var weekday = s_day.DayOfWeek.ToString().ToLowerInvariant();
        JsonElement Cell(int hour) => cells.Single(c => c.GetProperty("weekday").GetString() == weekday && c.GetProperty("hour").GetInt32() == hour);
        Assert.Equal(4, Cell(9).GetProperty("conversations").GetInt32());
        Assert.Equal(0.0, Cell(9).GetProperty("occupancy").GetDouble());
        Assert.Equal(1.0, Cell(10).GetProperty("occupancy").GetDouble());
        Assert.Equal(JsonValueKind.Null, Cell(7).GetProperty("occupancy").ValueKind);
    }

    [Fact]
    public async Task Bad_parameters_are_problems_naming_them_and_an_unknown_agent_is_not_found()
    {
        var viewer = await SeedAsync(AuthSilo.NewTenant("agent-errors"));

        var sort = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "api/v2/analytics/agents?sort=fastest", viewer);
        Assert.True(sort.GetProperty("errors").TryGetProperty("sort", out _));
        var date = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "api/v2/agents/a1/activity?date=2026-13-01", viewer);
        Assert.True(date.GetProperty("errors").TryGetProperty("date", out _));
        var period = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "api/v2/analytics/heatmap?period=1y", viewer);
        Assert.True(period.GetProperty("errors").TryGetProperty("period", out _));
        var missing = await silo.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "api/v2/agents/nobody/activity", viewer);
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_this_tenants_agents()
    {
        await SeedAsync(AuthSilo.NewTenant("agents-owner"));
        var other = await silo.TokenAsync(AuthSilo.NewTenant("agents-other"), "viewer");

        Assert.Empty(Order(await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/agents?period=7d", other)));
        await silo.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/v2/agents/a1/activity?date={s_day:yyyy-MM-dd}", other);
        var heatmap = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/heatmap?period=7d", other);
        Assert.All(heatmap.GetProperty("cells").EnumerateArray(), c =>
            Assert.Equal((0, JsonValueKind.Null), (c.GetProperty("conversations").GetInt32(), c.GetProperty("occupancy").ValueKind)));
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/analytics/agents");
    }
}
