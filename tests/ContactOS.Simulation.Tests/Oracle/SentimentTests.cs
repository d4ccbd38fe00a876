using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class SentimentTests
{
    private const string Now = "2026-01-15T10:37:00Z";

    [Fact]
    public void A_given_score_is_used_text_alone_is_scored_and_a_message_with_neither_is_ignored()
    {
        var scored = new List<string>();
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Message("c1", "2026-01-15T09:01:00Z", sentiment: 5, text: "Awful!")
            .Message("c1", "2026-01-15T09:02:00Z", text: "Thanks, that works.")
            .Message("c1", "2026-01-15T09:03:00Z")
            .Message("c1", "2026-01-15T09:04:00Z", text: "   ")
            .Truth(scorer: text =>
            {
                scored.Add(text);
                return 2;
            });

        var kpis = truth.Kpis(Tenant, Period("today", Now), At(Now));

        Assert.Equal(3.5, kpis.Satisfaction);
        Assert.Equal(["Thanks, that works."], scored);
    }

    [Fact]
    public void Satisfaction_goes_by_the_message_timestamp_not_the_conversation_start()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-14T23:00:00Z")
            .Message("c1", "2026-01-14T23:01:00Z", sentiment: 1)
            .Message("c1", "2026-01-15T00:01:00Z", sentiment: 4)
            .Truth();

        var kpis = truth.Kpis(Tenant, Period("today", Now), At(Now));

        Assert.Equal(4, kpis.Satisfaction);
        Assert.Equal(1, kpis.PreviousSatisfaction);
    }

    [Fact]
    public void Satisfaction_is_null_without_scored_messages()
    {
        var truth = new Scenario().Started("c1", "2026-01-15T09:00:00Z").Message("c1", "2026-01-15T09:01:00Z").Truth();

        Assert.Null(truth.Kpis(Tenant, Period("today", Now), At(Now)).Satisfaction);
    }

    [Fact]
    public void The_human_phase_starts_at_the_earliest_handoff_even_when_it_arrives_after_the_messages()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Message("c1", "2026-01-15T09:05:00Z", sentiment: 2)
            .Message("c1", "2026-01-15T09:10:00Z", sentiment: 5)
            .Message("c1", "2026-01-15T09:20:00Z", sentiment: 4)
            .Handoff("c1", "2026-01-15T09:30:00Z", "other")
            .Handoff("c1", "2026-01-15T09:10:00Z", "billing")
            .Truth();

        var bucket = truth.SentimentTrend(Tenant, Period("today", Now)).Buckets[9];

        Assert.Equal(At("2026-01-15T09:00:00Z"), bucket.Start);
        Assert.Equal(2, bucket.Ai);
        Assert.Equal(4.5, bucket.Human);
    }

    [Fact]
    public void Sentiment_trend_has_one_entry_per_bucket_with_nulls_where_no_messages()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T08:50:00Z")
            .Message("c1", "2026-01-15T08:55:00Z", sentiment: 3)
            .Handoff("c1", "2026-01-15T09:00:00Z", "complex_request")
            .Message("c1", "2026-01-15T10:05:00Z", sentiment: 1, role: "agent")
            .Truth();

        var trend = truth.SentimentTrend(Tenant, Period("today", Now));

        Assert.Equal(24, trend.Buckets.Count);
        Assert.Equal((3.0, (double?)null), (trend.Buckets[8].Ai, trend.Buckets[8].Human));
        Assert.Equal(((double?)null, 1.0), (trend.Buckets[10].Ai, trend.Buckets[10].Human));
        Assert.Equal(((double?)null, (double?)null), (trend.Buckets[9].Ai, trend.Buckets[9].Human));
    }
}
