using System.Diagnostics;
using System.Globalization;
using System.Net;
using ContactOS.Silo.Tests.Auth;

namespace ContactOS.Silo.Tests.Live;

/// <summary>
/// How updates flow on the real host (over real WebSockets): merged when events come fast, none when nothing changed, and never held up
/// by a client that stops reading.
/// </summary>
public sealed class LiveUpdateTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    private const int StalledRounds = 10;

    [Fact]
    public async Task Twenty_quick_batches_give_fewer_updates_the_last_with_the_final_total_and_then_nothing()
    {
        var (_, ingest, viewer) = await LiveHub.NewTenantAsync(silo, "coalesce");
        await using var client = await LiveHub.ConnectAsync(silo, viewer);
        await LiveHub.WatchAsync(silo, client);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => LiveHub.StartConversationsAsync(silo, ingest, $"q{i}")));
        var totals = new List<double>();
        while (totals.LastOrDefault() < 20)
        {
            var update = await LiveHub.NextAsync(silo, client, LiveHub.UpdateBound);
            Assert.Equal("update", update.Target);
            totals.Add(LiveHub.Total(update.Payload));
        }

        var afterwards = await client.TryNextAsync(TimeSpan.FromSeconds(1));

        Assert.True(totals.Count < 20, $"{totals.Count} updates: {string.Join(", ", totals)}");
        Assert.Equal(20, totals[^1]);
        Assert.Null(afterwards);
    }

    [Fact]
    public async Task An_event_that_changes_no_kpi_sends_no_update()
    {
        var (_, ingest, viewer) = await LiveHub.NewTenantAsync(silo, "nochange");
        await using var client = await LiveHub.ConnectAsync(silo, viewer);
        await LiveHub.WatchAsync(silo, client);
        await LiveHub.StartConversationsAsync(silo, ingest, "n1");
        await LiveHub.NextAsync(silo, client, LiveHub.UpdateBound);

        // A message with neither text nor sentiment is not counted anywhere (docs/analytics.md).
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var answer = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/v2/events", ingest,
            new[] { new { id = "n1-message", type = "message", timestamp = now, conversationId = "n1", role = "ai" } });
        var update = await client.TryNextAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Null(update);
    }

    [Fact]
    public async Task A_client_that_stops_reading_does_not_delay_the_updates_of_another()
    {
        var (_, ingest, viewer) = await LiveHub.NewTenantAsync(silo, "stalled");
        await using var stalled = await StalledHubClient.WatchThenStallAsync(silo.BaseAddress, LiveHub.Path, viewer.Token!, "today");
        await using var reader = await LiveHub.ConnectAsync(silo, viewer);
        await LiveHub.WatchAsync(silo, reader);

        var delays = new List<TimeSpan>();
        for (var i = 1; i <= StalledRounds; i++)
        {
            await LiveHub.StartConversationsAsync(silo, ingest, $"s{i}");
            var acknowledged = Stopwatch.GetTimestamp();
            var update = await LiveHub.NextAsync(silo, reader, LiveHub.UpdateBound);
            Assert.Equal(i, LiveHub.Total(update.Payload));
            delays.Add(Stopwatch.GetElapsedTime(acknowledged, update.ReceivedAt));
        }

        Assert.All(delays, delay => Assert.True(delay < LiveHub.UpdateBound, $"delays: {string.Join(", ", delays)}"));
    }
}
