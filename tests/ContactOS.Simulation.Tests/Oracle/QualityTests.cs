using ContactOS.Analytics.Settings;
using ContactOS.Simulation.Oracle;
using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class QualityTests
{
    private const string Now = "2026-01-15T23:00:00Z";

    private static ExpectedQuality Quality(Scenario scenario, string now = Now, AnalyticsSettings? settings = null) =>
        scenario.Truth().Quality(Tenant, Period("today", now), At(now), settings ?? AnalyticsSettings.Default);

    [Fact]
    public void The_latest_feedback_with_a_csat_decides_and_one_without_leaves_it_alone()
    {
        var scenario = new Scenario()
            .Conversation("ai", "2026-01-15T09:00:00Z", resolvedBy: "ai")
            .Feedback("ai", "2026-01-15T09:20:00Z", csat: 2, nps: null)
            .Feedback("ai", "2026-01-15T09:10:00Z", csat: 5, nps: 10)
            .Feedback("ai", "2026-01-15T09:30:00Z", csat: null, nps: 3)
            .Conversation("human", "2026-01-15T09:00:00Z", resolvedBy: "human", handoffReason: "billing")
            .Feedback("human", "2026-01-15T09:20:00Z", csat: 4, nps: 9)
            .Started("unresolved", "2026-01-15T09:00:00Z")
            .Feedback("unresolved", "2026-01-15T09:20:00Z", csat: 5, nps: 7);

        var quality = Quality(scenario);

        Assert.Equal(new ExpectedCsat(1, 2, 0), quality.Csat.Ai);
        Assert.Equal(new ExpectedCsat(1, 4, 1), quality.Csat.Human);
        Assert.Equal(new ExpectedCsat(3, 11 / 3.0, 2 / 3.0), quality.Csat.All);
        Assert.Equal(new ExpectedNps(1, 0, 0, 1, -100), quality.Nps.Ai);
        Assert.Equal(new ExpectedNps(3, 1, 1, 1, 0), quality.Nps.All);
    }

    [Fact]
    public void Nps_sorts_answers_into_promoters_passives_and_detractors()
    {
        var scenario = new Scenario();
        int[] answers = [0, 6, 7, 8, 9, 10, 10];
        for (var i = 0; i < answers.Length; i++)
        {
            var id = $"c{i}";
            scenario.Conversation(id, "2026-01-15T09:00:00Z", resolvedBy: "ai").Feedback(id, "2026-01-15T09:30:00Z", csat: null, nps: answers[i]);
        }

        var nps = Quality(scenario).Nps.Ai;

        Assert.Equal(new ExpectedNps(7, 3, 2, 2, 100.0 * (3 - 2) / 7), nps);
    }

    [Fact]
    public void Without_responses_csat_and_nps_are_null()
    {
        var quality = Quality(new Scenario().Conversation("c1", "2026-01-15T09:00:00Z", resolvedBy: "ai"));

        Assert.Equal(new ExpectedCsat(0, null, null), quality.Csat.All);
        Assert.Equal(new ExpectedNps(0, 0, 0, 0, null), quality.Nps.All);
    }

    [Fact]
    public void Feedback_response_rate_counts_the_conversations_that_ended_resolved_or_closed()
    {
        var scenario = new Scenario()
            .Conversation("ai-answered", "2026-01-15T09:00:00Z", resolvedBy: "ai")
            .Feedback("ai-answered", "2026-01-15T09:30:00Z", csat: 5, nps: null)
            .Conversation("ai-silent", "2026-01-15T09:00:00Z", resolvedBy: "ai")
            .Started("closed-unresolved", "2026-01-15T09:00:00Z")
            .Closed("closed-unresolved", "2026-01-15T09:10:00Z")
            .Feedback("closed-unresolved", "2026-01-15T09:30:00Z", csat: 1, nps: null)
            .Started("open", "2026-01-15T09:00:00Z")
            .Feedback("open", "2026-01-15T09:30:00Z", csat: 3, nps: null);

        var rates = Quality(scenario).FeedbackResponseRate;

        Assert.Equal(new ExpectedRate(1, 2, 0.5), rates.Ai);
        Assert.Equal(new ExpectedRate(0, 0, 0), rates.Human);
        Assert.Equal(new ExpectedRate(2, 3, 2 / 3.0), rates.All);
    }

    [Fact]
    public void A_customer_message_exactly_at_the_reopen_window_reopens_and_one_a_millisecond_later_does_not()
    {
        var scenario = new Scenario()
            .Conversation("at-window", "2026-01-14T09:00:00Z", resolvedBy: "ai")
            .Message("at-window", "2026-01-15T09:02:00Z")
            .Conversation("past-window", "2026-01-14T09:00:00Z", resolvedBy: "ai")
            .Message("past-window", "2026-01-15T09:02:00.001Z");

        var reopen = scenario.Truth().Quality(Tenant, Range("2026-01-14T00:00:00Z", "2026-01-16T00:00:00Z"), At(Now), AnalyticsSettings.Default).ReopenRate;

        Assert.Equal(new ExpectedRate(1, 2, 0.5), reopen.Ai);
    }

    [Fact]
    public void Reopening_looks_at_every_resolution_and_the_window_setting()
    {
        var scenario = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Resolved("c1", "2026-01-15T09:10:00Z", "ai")
            .Message("c1", "2026-01-15T10:10:00Z")
            .Handoff("c1", "2026-01-15T10:11:00Z", "complaint")
            .Resolved("c1", "2026-01-15T10:30:00Z", "human")
            .Conversation("c2", "2026-01-15T09:00:00Z", resolvedBy: "human", handoffReason: "billing")
            .Message("c2", "2026-01-15T11:00:00Z");

        Assert.Equal(new ExpectedRate(2, 2, 1), Quality(scenario).ReopenRate.Human);
        Assert.Equal(
            new ExpectedRate(1, 2, 0.5),
            Quality(scenario, settings: AnalyticsSettings.Default with { ReopenWindowHours = 1 }).ReopenRate.Human);
    }

    [Fact]
    public void A_customer_message_with_the_resolution_timestamp_reopens_only_if_it_arrived_after_it()
    {
        var scenario = new Scenario()
            .Started("arrived-before", "2026-01-15T09:00:00Z")
            .Message("arrived-before", "2026-01-15T09:10:00Z")
            .Resolved("arrived-before", "2026-01-15T09:10:00Z", "ai")
            .Started("arrived-after", "2026-01-15T09:00:00Z")
            .Resolved("arrived-after", "2026-01-15T09:10:00Z", "ai")
            .Message("arrived-after", "2026-01-15T09:10:00Z");

        Assert.Equal(new ExpectedRate(1, 2, 0.5), Quality(scenario).ReopenRate.All);
    }

    [Fact]
    public void First_contact_resolution_excludes_reopened_and_transferred_but_not_the_same_agent_twice()
    {
        var scenario = new Scenario()
            .Conversation("clean", "2026-01-15T09:00:00Z", resolvedBy: "ai")
            .Conversation("reopened", "2026-01-15T09:00:00Z", resolvedBy: "ai")
            .Message("reopened", "2026-01-15T09:30:00Z")
            .Started("same-agent-twice", "2026-01-15T09:00:00Z")
            .Handoff("same-agent-twice", "2026-01-15T09:01:00Z", "billing")
            .Assigned("same-agent-twice", "2026-01-15T09:02:00Z", "agent-1")
            .Assigned("same-agent-twice", "2026-01-15T09:03:00Z", "agent-1")
            .Resolved("same-agent-twice", "2026-01-15T09:10:00Z", "human")
            .Started("transferred", "2026-01-15T09:00:00Z")
            .Handoff("transferred", "2026-01-15T09:01:00Z", "billing")
            .Assigned("transferred", "2026-01-15T09:02:00Z", "agent-1")
            .Assigned("transferred", "2026-01-15T09:03:00Z", "agent-2")
            .Resolved("transferred", "2026-01-15T09:10:00Z", "human")
            .Started("unresolved", "2026-01-15T09:00:00Z");

        var quality = Quality(scenario);

        Assert.Equal(new ExpectedRate(1, 2, 0.5), quality.FirstContactResolution.Ai);
        Assert.Equal(new ExpectedRate(1, 2, 0.5), quality.FirstContactResolution.Human);
        Assert.Equal(new ExpectedRate(2, 4, 0.5), quality.FirstContactResolution.All);
        Assert.Equal(new ExpectedRate(2, 5, 0.4), quality.TransferRate.Ai);
        Assert.Equal(new ExpectedRate(1, 2, 0.5), quality.TransferRate.Human);
    }

    [Fact]
    public void Abandoned_means_unresolved_and_closed_or_idle_since_before_the_hour_minus_the_limit_by_handoff()
    {
        var scenario = new Scenario()
            .Started("closed-unresolved", "2026-01-15T01:00:00Z")
            .Closed("closed-unresolved", "2026-01-15T01:10:00Z")
            .Started("idle-exactly-the-limit", "2026-01-14T22:00:00Z")
            .Message("idle-exactly-the-limit", "2026-01-15T01:00:00Z")
            .Started("idle-past-the-limit", "2026-01-15T00:59:59.999Z")
            .Handoff("idle-past-the-limit", "2026-01-15T00:59:59.999Z", "other")
            .Started("resolved-then-idle", "2026-01-15T00:00:00Z")
            .Resolved("resolved-then-idle", "2026-01-15T00:10:00Z", "ai")
            .Started("resolved-then-closed", "2026-01-15T00:00:00Z")
            .Handoff("resolved-then-closed", "2026-01-15T00:05:00Z", "billing")
            .Resolved("resolved-then-closed", "2026-01-15T00:10:00Z", "human")
            .Closed("resolved-then-closed", "2026-01-15T00:20:00Z")
            .Started("recent", "2026-01-15T12:00:00Z");

        var (period, now) = (Range("2026-01-14T00:00:00Z", "2026-01-16T00:00:00Z"), At("2026-01-16T01:00:00Z"));
        var quality = scenario.Truth().Quality(Tenant, period, now, AnalyticsSettings.Default);
        var dropOff = scenario.Truth().DropOff(Tenant, period, now, AnalyticsSettings.Default);

        Assert.Equal(new ExpectedRate(1, 4, 0.25), quality.Abandonment.Ai);
        Assert.Equal(new ExpectedRate(1, 2, 0.5), quality.Abandonment.Human);
        Assert.Equal(new ExpectedRate(2, 6, 2 / 6.0), quality.Abandonment.All);
        Assert.Equal((6, 2), (dropOff.Started, dropOff.Abandoned));
    }

    [Fact]
    public void The_idle_limit_is_a_setting_decided_on_the_hour_and_the_settings_are_given_back()
    {
        var scenario = new Scenario().Started("c1", "2026-01-15T20:00:00Z");
        var settings = AnalyticsSettings.Default with { AbandonAfterHours = 2, ReopenWindowHours = 48 };

        var quality = Quality(scenario, now: "2026-01-15T23:00:00Z", settings: settings);

        Assert.Equal(new ExpectedRate(1, 1, 1), quality.Abandonment.All);
        Assert.Equal((48, 2), (quality.ReopenWindowHours, quality.AbandonAfterHours));

        // Idle for 2 h 59 min, but the current hour started only 2 h after its latest event.
        Assert.Equal(new ExpectedRate(0, 1, 0), Quality(scenario, now: "2026-01-15T22:59:59.999Z", settings: settings).Abandonment.All);
    }
}
