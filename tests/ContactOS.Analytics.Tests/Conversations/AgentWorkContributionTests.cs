using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Conversations;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Tests.Conversations;

/// <summary>
/// What a conversation adds to the agent figures (docs/analytics.md, "Agents"): who handled it, who gets its human resolution
/// and CSAT, and each agent's share of its handle time, all in the bucket of its start.
/// </summary>
public sealed class AgentWorkContributionTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 5, 4, 9, 50, 0, TimeSpan.Zero);
    private static readonly MetricSet s_agentMetrics = MetricSet.Of(
        Metric.AgentHandled, Metric.AgentResolutions, Metric.AgentHandleTime, Metric.AgentCsat, Metric.HandleTime);
    private readonly ConversationTimeline _timeline = new();
    private long _arrival;

    private void Receive(double minutes, string type, string? value = null) =>
        _timeline.Add(new TimelineEntry(s_t0.AddMinutes(minutes), ++_arrival, type, value));

    private DetailTotals Figures()
    {
        var aggregate = new TenantAggregate();
        aggregate.Apply(_timeline.Contribute(TimeZoneInfo.Utc).Counts.Where(c => !c.Key.IsGauge));
        var day = new DateTimeOffset(s_t0.Date, TimeSpan.Zero);
        return aggregate.SumDetails(day, day.AddDays(1), s_agentMetrics);
    }

    private static Dictionary<string, long> ByAgent(DetailTotals figures, Metric metric) =>
        figures.Counts(metric).ToDictionary(c => c.Label!, c => c.Count);

    [Fact]
    public void A_transfer_splits_the_handle_time_into_segments_and_the_latest_agent_gets_the_resolution_and_the_csat()
    {
        Receive(0, EventTypes.ConversationStarted);
        Receive(1, EventTypes.HandoffRequested, "billing");
        Receive(2, EventTypes.AgentAssigned, "a1");
        Receive(7, EventTypes.AgentAssigned, "a2");
        Receive(9, EventTypes.AgentAssigned, "a1");
        Receive(12, EventTypes.ConversationResolved, "human");
        Receive(15, EventTypes.ConversationClosed);
        _timeline.Add(new FeedbackEntry(s_t0.AddMinutes(20), ++_arrival, csat: 2));
        _timeline.Add(new FeedbackEntry(s_t0.AddMinutes(21), ++_arrival, csat: 4));

        var figures = Figures();
        Assert.Equal(new Dictionary<string, long> { ["a1"] = 1, ["a2"] = 1 }, ByAgent(figures, Metric.AgentHandled));
        Assert.Equal(new Dictionary<string, long> { ["a1"] = 1 }, ByAgent(figures, Metric.AgentResolutions));
        Assert.Equal([("a1", 4L, 1L)], figures.Counts(Metric.AgentCsat));

        // a1: 2-7 and 9-12 minutes; a2: 7-9. Their shares add up to the conversation's handle time, 10 minutes.
        var a1 = figures.Histogram(Metric.AgentHandleTime, "a1");
        var a2 = figures.Histogram(Metric.AgentHandleTime, "a2");
        Assert.Equal((1, 8 * 60_000L), (a1.Count, a1.SumMillis));
        Assert.Equal((1, 2 * 60_000L), (a2.Count, a2.SumMillis));
        Assert.Equal(a1.SumMillis + a2.SumMillis, figures.Histogram(Metric.HandleTime).SumMillis);
    }

    [Fact]
    public void Without_a_resolution_the_handle_ends_at_the_latest_close_and_an_ai_resolution_is_nobodys()
    {
        Receive(0, EventTypes.ConversationStarted);
        Receive(1, EventTypes.AgentAssigned, "a1");
        Receive(4, EventTypes.ConversationClosed);
        Receive(6, EventTypes.ConversationClosed);

        var figures = Figures();
        Assert.Equal((1, 5 * 60_000L), (figures.Histogram(Metric.AgentHandleTime, "a1").Count, figures.Histogram(Metric.AgentHandleTime, "a1").SumMillis));
        Assert.Empty(figures.Counts(Metric.AgentResolutions));

        // Resolved by AI, never handed off: no human resolution to credit, though the agent handled it.
        Receive(8, EventTypes.ConversationResolved, "ai");
        figures = Figures();
        Assert.Empty(figures.Counts(Metric.AgentResolutions));
        Assert.Equal(7 * 60_000L, figures.Histogram(Metric.AgentHandleTime, "a1").SumMillis);
    }

    [Fact]
    public void An_open_conversation_counts_as_handled_but_has_no_handle_time()
    {
        Receive(0, EventTypes.ConversationStarted);
        Receive(1, EventTypes.HandoffRequested, "complaint");
        Receive(3, EventTypes.AgentAssigned, "a1");

        var figures = Figures();
        Assert.Equal(new Dictionary<string, long> { ["a1"] = 1 }, ByAgent(figures, Metric.AgentHandled));
        Assert.Empty(figures.HistogramLabels(Metric.AgentHandleTime));
    }

    [Fact]
    public void A_late_assignment_moves_the_resolution_and_the_time_in_the_start_hour()
    {
        Receive(0, EventTypes.ConversationStarted);
        Receive(5, EventTypes.AgentAssigned, "a1");
        Receive(30, EventTypes.ConversationResolved, "human");
        Assert.Equal(new Dictionary<string, long> { ["a1"] = 1 }, ByAgent(Figures(), Metric.AgentResolutions));

        // Arrives last, happened before the resolution: a2 now holds the conversation from minute 20.
        Receive(20, EventTypes.AgentAssigned, "a2");

        var figures = Figures();
        Assert.Equal(new Dictionary<string, long> { ["a2"] = 1 }, ByAgent(figures, Metric.AgentResolutions));
        Assert.Equal(15 * 60_000L, figures.Histogram(Metric.AgentHandleTime, "a1").SumMillis);
        Assert.Equal(10 * 60_000L, figures.Histogram(Metric.AgentHandleTime, "a2").SumMillis);
        var startHour = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        var aggregate = new TenantAggregate();
        aggregate.Apply(_timeline.Contribute(TimeZoneInfo.Utc).Counts.Where(c => !c.Key.IsGauge));
        Assert.Equal(2, aggregate.SumDetails(startHour, startHour.AddHours(1), s_agentMetrics).Counts(Metric.AgentHandled).Sum(c => c.Count));
    }
}
