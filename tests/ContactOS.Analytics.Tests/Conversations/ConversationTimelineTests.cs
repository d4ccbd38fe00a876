using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Conversations;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Tests.Conversations;

/// <summary>
/// A conversation's timeline feeding a tenant aggregate and live gauges through contribution differences, as the conversation grain
/// does: whatever order events arrive in, the aggregate ends where the full history puts it.
/// </summary>
public sealed class ConversationTimelineTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 22, 9, 10, 0, TimeSpan.Zero);
    private readonly TenantAggregate _aggregate = new();
    private readonly LiveGauges _gauges = new();
    private readonly ConversationTimeline _timeline = new();
    private readonly Contribution _inPlace = new([]);
    private readonly Dictionary<MetricKey, long> _scratch = [];
    private Contribution _last = Contribution.Empty;
    private long _arrival;

    private void Receive(int minutes, string type, string? value = null, int? sentiment = null, TimeZoneInfo? zone = null)
    {
        _timeline.Add(new TimelineEntry(s_t0.AddMinutes(minutes), ++_arrival, type, value, sentiment));
        var next = _timeline.Contribute(zone ?? TimeZoneInfo.Utc);
        var changes = next.Minus(_last);

        // The grain's way, one contribution updated in place from a reused dictionary, gives the same changes and counts.
        _timeline.Contribute(zone ?? TimeZoneInfo.Utc, _scratch);
        Assert.Equal(changes.OrderBy(c => c.Key.ToString()), _inPlace.ReplaceWith(_scratch).OrderBy(c => c.Key.ToString()));
        Assert.Equal(next.Counts.OrderBy(c => c.Key.ToString()), _inPlace.Counts.OrderBy(c => c.Key.ToString()));
        _aggregate.Apply(changes.Where(c => !c.Key.IsGauge));
        foreach (var (key, change) in changes.Where(c => c.Key.IsGauge))
        {
            _gauges.Apply(key, change);
        }

        _last = next;
    }

    private BucketTotals Hour(int hoursFromT0Hour)
    {
        var hour = new DateTimeOffset(s_t0.Year, s_t0.Month, s_t0.Day, s_t0.Hour, 0, 0, TimeSpan.Zero).AddHours(hoursFromT0Hour);
        return _aggregate.Sum(hour, hour.AddHours(1));
    }

    [Fact]
    public void A_conversation_resolved_by_ai_without_handoff_counts_as_started_and_ai_resolved_in_its_start_hour()
    {
        Receive(0, EventTypes.ConversationStarted);
        Receive(1, EventTypes.Message, sentiment: 4);
        Receive(2, EventTypes.IntentDetected, "cancel");
        Receive(3, EventTypes.IntentDetected, "cancel");
        Receive(5, EventTypes.ConversationResolved, "ai");

        var hour = Hour(0);
        Assert.Equal((1, 1, 0), (hour.Started, hour.AiResolved, hour.HumanResolved));
        Assert.Equal(1, hour.Intents["cancel"]);
        Assert.Equal((4, 1), (hour.AiSentimentSum, hour.AiSentimentCount));
        Assert.Equal((0, 0), (_gauges.Active, _gauges.Pending));
    }

    [Fact]
    public void Gauges_follow_the_status_through_handoff_assignment_and_resolution()
    {
        Receive(0, EventTypes.ConversationStarted);
        Assert.Equal((1, 0), (_gauges.Active, _gauges.Pending));
        Receive(1, EventTypes.HandoffRequested, "billing");
        Assert.Equal((0, 1), (_gauges.Active, _gauges.Pending));
        Assert.Empty(_gauges.Assigned);
        Receive(2, EventTypes.AgentAssigned, "a1");
        Assert.Equal((1, 0), (_gauges.Active, _gauges.Pending));
        Assert.Equal(1, _gauges.Assigned["a1"]);
        Receive(3, EventTypes.ConversationResolved, "ai");

        Assert.Equal((0, 0), (_gauges.Active, _gauges.Pending));
        Assert.Empty(_gauges.Assigned);
        Assert.Equal((0, 1), (Hour(0).AiResolved, Hour(0).HumanResolved));
        Assert.Equal(1, Hour(0).Handoffs[EventVocabulary.HandoffReasons.ToList().IndexOf("billing")]);
    }

    [Fact]
    public void A_conversation_first_seen_through_a_message_counts_once_from_its_start_event_when_that_arrives()
    {
        Receive(70, EventTypes.Message, sentiment: 2);
        Assert.Equal(1, Hour(1).Started);

        Receive(0, EventTypes.ConversationStarted);

        Assert.Equal(0, Hour(1).Started);
        Assert.Equal(1, Hour(0).Started);
        Assert.Equal((2, 1), (Hour(1).AiSentimentSum, Hour(1).AiSentimentCount));
        Assert.Equal(1, _gauges.Active);
    }

    [Fact]
    public void A_late_handoff_moves_earlier_messages_to_the_human_phase_and_the_resolution_to_human()
    {
        Receive(0, EventTypes.ConversationStarted);
        Receive(10, EventTypes.Message, sentiment: 5);
        Receive(20, EventTypes.Message, sentiment: 1);
        Receive(30, EventTypes.ConversationResolved, "ai");
        Assert.Equal(1, Hour(0).AiResolved);

        Receive(15, EventTypes.HandoffRequested, "complaint");

        var hour = Hour(0);
        Assert.Equal((0, 1), (hour.AiResolved, hour.HumanResolved));
        Assert.Equal((5, 1), (hour.AiSentimentSum, hour.AiSentimentCount));
        Assert.Equal((1, 1), (hour.HumanSentimentSum, hour.HumanSentimentCount));
    }

    [Fact]
    public void The_latest_resolution_in_event_time_wins_even_when_it_arrives_first()
    {
        Receive(0, EventTypes.ConversationStarted);
        Receive(40, EventTypes.ConversationResolved, "human");
        Receive(30, EventTypes.ConversationResolved, "ai");

        Assert.Equal((0, 1), (Hour(0).AiResolved, Hour(0).HumanResolved));
    }

    [Fact]
    public void A_resolution_arriving_hours_later_updates_the_bucket_where_the_conversation_started()
    {
        Receive(0, EventTypes.ConversationStarted);
        Receive(300, EventTypes.ConversationResolved, "ai");
        Receive(301, EventTypes.ConversationClosed);

        Assert.Equal(1, Hour(0).AiResolved);
        Assert.Equal(0, Hour(5).AiResolved);
        Assert.Equal(1, Hour(5).Closed);
    }

    [Fact]
    public void Buckets_follow_local_hours_in_zones_with_half_hour_offsets()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        Receive(0, EventTypes.ConversationStarted, zone: kolkata);

        // 09:10 UTC is 14:40 in Kolkata; that local hour starts at 14:00 +05:30, which is 08:30 UTC.
        var localHour = new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.Zero);
        Assert.Equal(1, _aggregate.Sum(localHour, localHour.AddHours(1)).Started);
    }

    [Fact]
    public void Contribution_differences_hold_only_what_changed()
    {
        var before = new ConversationTimeline([new TimelineEntry(s_t0, 1, EventTypes.ConversationStarted)]);
        var after = new ConversationTimeline([.. before.Entries, new TimelineEntry(s_t0.AddMinutes(1), 2, EventTypes.IntentDetected, "billing")]);

        var changes = after.Contribute(TimeZoneInfo.Utc).Minus(before.Contribute(TimeZoneInfo.Utc));

        var change = Assert.Single(changes, c => !c.Key.IsDetail);
        Assert.Equal((Metric.Intent, "billing", 1L), (change.Key.Metric, change.Key.Label, change.Value));

        // Of the second wave's counters: one detection more, and the open conversation's latest activity and last intent moved.
        Assert.Equal(
            [
                (Metric.OpenUnresolvedAi, Segments.NoIntent, s_t0.UtcTicks, -1L),
                (Metric.OpenUnresolvedAi, "billing", s_t0.AddMinutes(1).UtcTicks, 1L),
                (Metric.IntentDetections, "billing", 0L, 1L),
            ],
            changes.Where(c => c.Key.IsDetail).Select(c => (c.Key.Metric, c.Key.Label, c.Key.Value, Change: c.Value)).OrderBy(c => c.Metric).ThenBy(c => c.Change));
    }

    [Fact]
    public void The_shared_empty_contribution_cannot_be_replaced_in_place()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Contribution.Empty.ReplaceWith(new() { [new MetricKey(Metric.Started, 0)] = 1 }));

        Assert.Contains("shared", error.Message);
        Assert.Empty(Contribution.Empty.Counts);
    }
}
