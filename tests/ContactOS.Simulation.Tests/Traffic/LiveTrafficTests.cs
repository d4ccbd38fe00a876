using ContactOS.Analytics.Events;
using ContactOS.Simulation.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace ContactOS.Simulation.Tests.Traffic;

public sealed class LiveTrafficTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly LiveTrafficOptions s_options = new() { Seed = 3, TenantIds = ["acme", "globex"], EventsPerSecond = 50 };

    /// <summary>
    /// Reads the stream while moving the fake clock forward a tick at a time, for <paramref name="duration"/>. It runs
    /// without the test framework's synchronization context, so that the stream's timer continuation runs inline
    /// when the clock is advanced and the test never has to wait for another thread.
    /// </summary>
    private static Task<List<(TenantEvent Event, DateTimeOffset ReceivedAt)>> Collect(
        LiveTrafficOptions options, FakeTimeProvider time, TimeSpan duration) =>
        Task.Run(() => CollectInline(options, time, duration));

    private static async Task<List<(TenantEvent Event, DateTimeOffset ReceivedAt)>> CollectInline(
        LiveTrafficOptions options, FakeTimeProvider time, TimeSpan duration)
    {
        var received = new List<(TenantEvent, DateTimeOffset)>();
        var end = time.GetUtcNow() + duration;
        using var cancellation = new CancellationTokenSource();
        await using var stream = TrafficGenerator.StreamAsync(options, time, cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        while (true)
        {
            var next = stream.MoveNextAsync();
            while (!next.IsCompleted && time.GetUtcNow() < end)
            {
                time.Advance(options.TickInterval);
            }

            if (!next.IsCompleted)
            {
                await cancellation.CancelAsync();
                Assert.False(await next);
                return received;
            }

            Assert.True(await next);
            received.Add((stream.Current, time.GetUtcNow()));
        }
    }

    [Fact]
    public async Task The_stream_keeps_to_the_target_rate()
    {
        var received = await Collect(s_options, new FakeTimeProvider(s_start), TimeSpan.FromSeconds(20));

        Assert.InRange(received.Count, 950, 1_050);
    }

    [Fact]
    public async Task Events_are_stamped_with_the_time_they_are_emitted()
    {
        var received = await Collect(s_options, new FakeTimeProvider(s_start), TimeSpan.FromSeconds(5));

        Assert.All(received, r => Assert.Equal(r.ReceivedAt, r.Event.Event.Timestamp));
    }

    [Fact]
    public async Task Conversations_play_out_over_seconds_to_minutes()
    {
        var received = await Collect(s_options, new FakeTimeProvider(s_start), TimeSpan.FromMinutes(3));
        var events = received.Select(r => r.Event.Event).ToList();
        var conversations = events.Where(e => e.ConversationId is not null).GroupBy(e => e.ConversationId).ToList();

        Assert.Equal(EventTypes.All.Order(), events.Select(e => e.Type).Distinct().Order());
        Assert.Contains(conversations, c => c.First().Type == EventTypes.ConversationStarted && c.Any(e => e.Type == EventTypes.ConversationClosed));
        Assert.All(conversations.Where(c => c.Any(e => e.Type == EventTypes.ConversationResolved)), c =>
        {
            var length = c.Max(e => e.Timestamp) - c.Min(e => e.Timestamp);
            Assert.InRange(length, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        });
    }

    [Fact]
    public async Task The_roster_is_sent_first_and_ids_are_unique_per_tenant()
    {
        var received = await Collect(s_options, new FakeTimeProvider(s_start), TimeSpan.FromSeconds(30));

        Assert.All(received.Take(2 * s_options.AgentsPerTenant), r => Assert.Equal(EventTypes.AgentStatus, r.Event.Event.Type));
        Assert.Equal(received.Count, received.Select(r => (r.Event.TenantId, r.Event.Event.Id)).Distinct().Count());
    }

    [Fact]
    public async Task The_same_seed_and_clock_give_the_same_stream()
    {
        var first = await Collect(s_options, new FakeTimeProvider(s_start), TimeSpan.FromSeconds(10));
        var second = await Collect(s_options, new FakeTimeProvider(s_start), TimeSpan.FromSeconds(10));

        Assert.Equal(first.Select(r => r.Event), second.Select(r => r.Event));
    }

    [Fact]
    public async Task A_restarted_stream_uses_new_ids()
    {
        var first = await Collect(s_options, new FakeTimeProvider(s_start), TimeSpan.FromSeconds(2));
        var later = await Collect(s_options, new FakeTimeProvider(s_start.AddMinutes(5)), TimeSpan.FromSeconds(2));

        Assert.Empty(first.Select(r => r.Event.Event.Id).Intersect(later.Select(r => r.Event.Event.Id)));
    }
}
