using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;

namespace ContactOS.Silo.Tests.Analytics;

/// <summary><c>GET /api/v2/conversations/{id}/journey</c> on the real host, with events posted through ingestion.</summary>
public sealed class JourneyEndpointTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    private static string Journey(string conversation) => $"api/v2/conversations/{Uri.EscapeDataString(conversation)}/journey";

    private static string Event(string id, string type, string timestamp, string extra = "", string conversation = "c1") =>
        $$"""{"id":"{{id}}","type":"{{type}}","timestamp":"{{timestamp}}","conversationId":"{{conversation}}"{{extra}}}""";

    [Fact]
    public async Task Events_posted_in_shuffled_order_come_back_in_timeline_order_with_arrival_breaking_ties()
    {
        var tenant = AuthSilo.NewTenant("order");
        var key = await silo.IngestKeyAsync(tenant);
        // Posted late and early, in three requests; "tie-b" and "tie-a" share a timestamp, and "tie-b" arrives first.
        await PostAsync(key,
            Event("resolved", "conversation.resolved", "2026-11-22T10:20:00+01:00", ""","by":"ai" """),
            Event("tie-b", "message", "2026-11-22T10:16:00+01:00", ""","role":"ai","sentiment":4"""),
            Event("started", "conversation.started", "2026-11-22T10:15:00+01:00", ""","channel":"web" """));
        await PostAsync(key,
            Event("tie-a", "intent.detected", "2026-11-22T10:16:00+01:00", ""","intent":"billing","confidence":0.9"""),
            // The same instant as 10:15:30+01:00: order is by instant, whatever the offset.
            Event("asked", "message", "2026-11-22T09:15:30Z", ""","role":"customer","sentiment":2"""));
        await PostAsync(key, Event("closed", "conversation.closed", "2026-11-22T10:25:00+01:00"));

        var journey = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Journey("c1"), await silo.TokenAsync(tenant, "viewer"));

        Assert.Equal("c1", journey.GetProperty("conversationId").GetString());
        var events = journey.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["started", "asked", "tie-b", "tie-a", "resolved", "closed"], events.Select(e => e.GetProperty("event").GetProperty("id").GetString()));
        var positions = events.Select(e => e.GetProperty("position").GetInt64()).ToList();
        Assert.True(positions[2] < positions[3], "the tie is not broken by arrival");
        Assert.Equal(new int?[] { null, 2, 4, null, null, null }, events.Select(Sentiment));
        Assert.Equal("2026-11-22T09:15:30+00:00", events[1].GetProperty("event").GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task An_event_posted_twice_appears_once_as_first_stored()
    {
        var tenant = AuthSilo.NewTenant("dupes");
        var key = await silo.IngestKeyAsync(tenant);
        await PostAsync(key,
            Event("s", "conversation.started", "2026-11-22T10:15:00Z", ""","channel":"web" """),
            Event("m", "message", "2026-11-22T10:16:00Z", ""","role":"customer","sentiment":5"""));
        // A retry of the message, this time with another score: the log keeps the first copy.
        var retry = await PostAsync(key, Event("m", "message", "2026-11-22T10:16:00Z", ""","role":"customer","sentiment":1"""));

        var journey = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Journey("c1"), await silo.TokenAsync(tenant, "viewer"));

        Assert.Equal(1, retry.GetProperty("duplicates").GetInt32());
        var events = journey.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["s", "m"], events.Select(e => e.GetProperty("event").GetProperty("id").GetString()));
        Assert.Equal(5, Sentiment(events[1]));
    }

    [Fact]
    public async Task A_text_only_message_counts_with_the_score_the_silo_stored_and_a_scored_one_with_the_senders()
    {
        var tenant = AuthSilo.NewTenant("scored");
        var key = await silo.IngestKeyAsync(tenant);
        await PostAsync(key,
            Event("text-only", "message", "2026-11-22T10:16:00Z", ""","role":"customer","text":"This is terrible, nothing works and nobody helps me" """),
            Event("senders", "message", "2026-11-22T10:17:00Z", ""","role":"customer","text":"This is terrible","sentiment":4"""));

        var journey = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Journey("c1"), await silo.TokenAsync(tenant, "viewer"));

        var events = journey.GetProperty("events").EnumerateArray().ToList();
        var textOnly = events[0];
        Assert.False(textOnly.GetProperty("event").TryGetProperty("sentiment", out _));
        var scored = textOnly.GetProperty("event").GetProperty("scoredSentiment").GetInt32();
        Assert.InRange(scored, 1, 5);
        Assert.Equal(scored, Sentiment(textOnly));
        Assert.Equal(4, Sentiment(events[1]));
        Assert.False(events[1].GetProperty("event").TryGetProperty("scoredSentiment", out _));
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_the_conversation_as_for_one_that_does_not_exist()
    {
        var owner = AuthSilo.NewTenant("owner");
        await PostAsync(await silo.IngestKeyAsync(owner), Event("s", "conversation.started", "2026-11-22T10:15:00Z", conversation: "secret-conv"));
        var other = await silo.TokenAsync(AuthSilo.NewTenant("other"), "viewer", "admin");

        var theirs = await silo.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, Journey("secret-conv"), other);
        var missing = await silo.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, Journey("no-such-conv"), other);

        Assert.Contains("no conversation 'secret-conv'", theirs.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(theirs.GetProperty("title").GetString(), missing.GetProperty("title").GetString());
        Assert.False(theirs.TryGetProperty("events", out _));
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Journey("secret-conv"), await silo.TokenAsync(owner, "viewer"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("c\u0001")]
    public async Task A_blank_id_or_one_with_control_characters_is_400_naming_id(string id)
    {
        var viewer = await silo.TokenAsync(AuthSilo.NewTenant("bad-id"), "viewer");

        var problem = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, Journey(id), viewer);

        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.ToString());
    }

    [Theory]
    [InlineData("api/v2/conversations/c1")]
    [InlineData("api/v2/conversations/c1/journey/more")]
    [InlineData("api/v2/conversations//other")]
    public async Task Other_paths_under_conversations_are_still_no_such_route(string path)
    {
        var viewer = await silo.TokenAsync(AuthSilo.NewTenant("routes"), "viewer");

        var problem = await silo.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, path, viewer);

        Assert.Contains("no such API route", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_longer_than_any_conversation_id_is_400_and_one_of_the_longest_is_found()
    {
        var tenant = AuthSilo.NewTenant("long-id");
        var longest = new string('c', 128);
        await PostAsync(await silo.IngestKeyAsync(tenant), Event("s", "conversation.started", "2026-11-22T10:15:00Z", conversation: longest));
        var viewer = await silo.TokenAsync(tenant, "viewer");

        var problem = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, Journey(longest + "c"), viewer);
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Journey(longest), viewer);

        Assert.Contains("at most 128 characters", problem.GetProperty("errors").GetProperty("id")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_journey_requires_a_viewer_token()
    {
        var tenant = AuthSilo.NewTenant("auth");
        var key = await silo.IngestKeyAsync(tenant);
        await PostAsync(key, Event("s", "conversation.started", "2026-11-22T10:15:00Z"));

        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, Journey("c1"));
        using var withKey = await silo.SendAsync(HttpMethod.Get, Journey("c1"), key);
        Assert.True(withKey.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"an ingest key read a journey: {withKey.StatusCode}");
    }

    [Fact]
    public async Task The_api_reference_lists_the_journey_under_analytics_and_not_the_empty_id_route()
    {
        var document = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "openapi/v1.json");

        var paths = document.GetProperty("paths");
        var journey = paths.GetProperty("/api/v2/conversations/{id}/journey").GetProperty("get");
        Assert.Equal(["Analytics"], journey.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("timeline order", journey.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.Contains("rest", StringComparison.Ordinal));
    }

    private static int? Sentiment(JsonElement journeyEvent) =>
        journeyEvent.GetProperty("sentiment").ValueKind == JsonValueKind.Null ? null : journeyEvent.GetProperty("sentiment").GetInt32();

    private async Task<JsonElement> PostAsync(Credentials key, params string[] events)
    {
        using var document = JsonDocument.Parse($"[{string.Join(",", events)}]");
        return await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/v2/events", key, document.RootElement.Clone());
    }
}
