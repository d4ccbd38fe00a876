using ContactOS.Analytics.Settings;
using ContactOS.Simulation.Oracle;
using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class IntentsAndToolsTests
{
    private const string Now = "2026-01-15T23:00:00Z";

    [Fact]
    public void Intents_count_conversations_and_detections_most_conversations_first_ties_by_name()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Intent("c1", "2026-01-15T09:01:00Z", "refund", 0.1234565)
            .Intent("c1", "2026-01-15T09:02:00Z", "refund", 0.2)
            .Intent("c1", "2026-01-15T09:03:00Z", "billing", null)
            .Started("c2", "2026-01-15T09:00:00Z")
            .Intent("c2", "2026-01-15T09:01:00Z", "billing", null)
            .Intent("c2", "2026-01-15T09:02:00Z", "Zebra", 0.5)
            .Started("yesterday", "2026-01-14T09:00:00Z")
            .Intent("yesterday", "2026-01-15T09:01:00Z", "refund", 0.9)
            .Truth();

        var intents = truth.Intents(Tenant, Period("today", Now), AnalyticsSettings.Default);

        Assert.Equal(5, intents.Detections);
        Assert.Equal(
            [new ExpectedIntent("billing", 2, 2, null), new ExpectedIntent("Zebra", 1, 1, 0.5), new ExpectedIntent("refund", 1, 2, (0.123457 + 0.2) / 2)],
            intents.Intents);
    }

    [Fact]
    public void The_histogram_has_ten_bins_the_last_one_holding_one()
    {
        var scenario = new Scenario().Started("c1", "2026-01-15T09:00:00Z");
        foreach (var confidence in new[] { 0.0, 0.09, 0.1, 0.3, 0.69, 0.7, 0.99, 1.0 })
        {
            scenario.Intent("c1", "2026-01-15T09:01:00Z", "x", confidence);
        }

        var histogram = scenario.Intent("c1", "2026-01-15T09:01:00Z", "x", null).Truth().Intents(Tenant, Period("today", Now), AnalyticsSettings.Default).Histogram;

        Assert.Equal([2L, 1, 0, 1, 0, 0, 1, 1, 0, 2], histogram.Select(b => b.Detections));
        Assert.Equal((0.3, 0.4), (histogram[3].From, histogram[3].To));
        Assert.Equal((0.9, 1.0), (histogram[9].From, histogram[9].To));
    }

    [Theory]
    [InlineData(0.69, 0.7, true)]
    [InlineData(0.7, 0.7, false)]
    [InlineData(0.699, 0.7, true)]
    [InlineData(0.57, 0.57, false)]
    [InlineData(0.29, 0.29, false)]
    [InlineData(0.28, 0.29, true)]
    [InlineData(0.0, 0.01, true)]
    [InlineData(1.0, 1.0, false)]
    public void A_confidence_is_below_the_threshold_when_its_whole_hundredths_are(double confidence, double threshold, bool below)
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Intent("c1", "2026-01-15T09:01:00Z", "x", confidence)
            .Intent("c1", "2026-01-15T09:02:00Z", "x", null)
            .Truth();

        var intents = truth.Intents(Tenant, Period("today", Now), AnalyticsSettings.Default with { LowConfidenceThreshold = threshold });

        Assert.Equal(new ExpectedRate(below ? 1 : 0, 1, below ? 1 : 0), intents.LowConfidence);
        Assert.Equal(threshold, intents.LowConfidenceThreshold);
    }

    [Fact]
    public void Fallback_counts_detections_of_the_tenants_fallback_intents_among_all_detections()
    {
        var scenario = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Intent("c1", "2026-01-15T09:01:00Z", "fallback", 0.3)
            .Intent("c1", "2026-01-15T09:02:00Z", "fallback", null)
            .Intent("c1", "2026-01-15T09:03:00Z", "no_match", 0.2)
            .Intent("c1", "2026-01-15T09:04:00Z", "Fallback", 0.9);

        var byDefault = scenario.Truth().Intents(Tenant, Period("today", Now), AnalyticsSettings.Default);
        var custom = scenario.Truth().Intents(Tenant, Period("today", Now), AnalyticsSettings.Default with { FallbackIntents = ["no_match", "fallback"] });

        Assert.Equal(new ExpectedRate(2, 4, 0.5), byDefault.Fallback);
        Assert.Equal(new ExpectedRate(3, 4, 0.75), custom.Fallback);
        Assert.Equal(["no_match", "fallback"], custom.FallbackIntents);
        Assert.Equal(new ExpectedRate(2, 3, 2 / 3.0), byDefault.LowConfidence);
    }

    [Fact]
    public void Tools_count_calls_by_success_and_latency_of_those_that_give_one_most_calls_first()
    {
        var scenario = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Tool("c1", "2026-01-15T09:01:00Z", "lookup", success: true, latencyMs: 100)
            .Tool("c1", "2026-01-15T09:02:00Z", "lookup", success: false, latencyMs: 300)
            .Tool("c1", "2026-01-15T09:03:00Z", "lookup", success: null, latencyMs: null)
            .Tool("c1", "2026-01-15T09:04:00Z", "refund", success: null, latencyMs: 0)
            .Tool("c1", "2026-01-15T09:05:00Z", "cancel", success: true, latencyMs: null)
            .Started("yesterday", "2026-01-14T09:00:00Z")
            .Tool("yesterday", "2026-01-15T09:01:00Z", "refund", success: true, latencyMs: 100);

        var tools = scenario.Truth().Tools(Tenant, Period("today", Now)).Tools;

        Assert.Equal(
            [
                new ExpectedTool("lookup", 3, 1, 1, 0.5, new ExpectedDuration(2, 200, 100, 300, 300, 300)),
                new ExpectedTool("cancel", 1, 1, 0, 1, new ExpectedDuration(0, null, null, null, null, null)),
                new ExpectedTool("refund", 1, 0, 0, null, new ExpectedDuration(1, 0, 0, 0, 0, 0)),
            ],
            tools);
    }

    [Fact]
    public void Drop_off_goes_by_the_intent_of_the_latest_detection_in_timeline_order()
    {
        var scenario = new Scenario()
            .Started("a", "2026-01-15T09:00:00Z")
            .Intent("a", "2026-01-15T09:05:00Z", "billing")
            .Intent("a", "2026-01-15T09:01:00Z", "refund")
            .Closed("a", "2026-01-15T09:10:00Z")
            .Started("b", "2026-01-15T09:00:00Z")
            .Intent("b", "2026-01-15T09:05:00Z", "refund")
            .Intent("b", "2026-01-15T09:05:00Z", "billing")
            .Closed("b", "2026-01-15T09:10:00Z")
            .Started("c", "2026-01-15T09:00:00Z")
            .Closed("c", "2026-01-15T09:10:00Z")
            .Started("d", "2026-01-15T09:00:00Z")
            .Intent("d", "2026-01-15T09:05:00Z", "cancel")
            .Closed("d", "2026-01-15T09:10:00Z")
            .Conversation("resolved", "2026-01-15T09:00:00Z", resolvedBy: "ai")
            .Intent("resolved", "2026-01-15T09:05:00Z", "cancel");

        var dropOff = scenario.Truth().DropOff(Tenant, Period("today", Now), At(Now), AnalyticsSettings.Default);

        Assert.Equal((5, 4), (dropOff.Started, dropOff.Abandoned));
        Assert.Equal([new("billing", 2), new("(none)", 1), new("cancel", 1)], dropOff.ByLastIntent);
    }
}
