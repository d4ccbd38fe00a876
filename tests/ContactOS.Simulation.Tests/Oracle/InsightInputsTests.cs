using ContactOS.Simulation.Oracle;
using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class InsightInputsTests
{
    private const string Now = "2026-01-15T10:37:00Z";
    private const string Today = "2026-01-15T09:00:00Z";
    private const string Yesterday = "2026-01-14T09:00:00Z";

    private static Scenario Conversations(Scenario scenario, string prefix, string at, int count, string? resolvedBy = null, string? reason = null)
    {
        for (var i = 0; i < count; i++)
        {
            scenario.Conversation($"{prefix}{i}", at, resolvedBy, reason);
        }

        return scenario;
    }

    [Fact]
    public void Below_twenty_conversations_in_either_period_the_only_insight_is_that_there_are_too_few_to_compare()
    {
        var scenario = new Scenario();
        Conversations(scenario, "y", Yesterday, 19, resolvedBy: "human");
        Conversations(scenario, "t", Today, 30, resolvedBy: "ai");

        var inputs = scenario.Truth().InsightInputs(Tenant, Period("today", Now));

        Assert.False(inputs.Applies);
        Assert.Equal((30, 19), (inputs.Conversations, inputs.PreviousConversations));
        Assert.Equal(100, inputs.AiResolutionRatePoints);
        Assert.Empty(inputs.Positive);
        Assert.Equal([InsightRule.TooFewToCompare], inputs.Attention);
    }

    [Fact]
    public void An_ai_resolution_rate_up_by_exactly_two_points_is_positive()
    {
        // 40/50 = 80 % against 39/50 = 78 %: two points, which floating point puts a hair below 2.
        var scenario = new Scenario();
        Conversations(scenario, "ya", Yesterday, 39, resolvedBy: "ai");
        Conversations(scenario, "yh", Yesterday, 11, resolvedBy: "human");
        Conversations(scenario, "ta", Today, 40, resolvedBy: "ai");
        Conversations(scenario, "th", Today, 10, resolvedBy: "human");

        var inputs = scenario.Truth().InsightInputs(Tenant, Period("today", Now));

        Assert.True(inputs.Applies);
        Assert.Equal(2, inputs.AiResolutionRatePoints, precision: 9);
        Assert.Equal([InsightRule.AiResolutionRateUp], inputs.Positive);
        Assert.Empty(inputs.Attention);
    }

    [Fact]
    public void An_ai_resolution_rate_down_by_under_two_points_is_not_reported()
    {
        var scenario = new Scenario();
        Conversations(scenario, "ya", Yesterday, 80, resolvedBy: "ai");
        Conversations(scenario, "yh", Yesterday, 20, resolvedBy: "human");
        Conversations(scenario, "ta", Today, 79, resolvedBy: "ai");
        Conversations(scenario, "th", Today, 21, resolvedBy: "human");

        var inputs = scenario.Truth().InsightInputs(Tenant, Period("today", Now));

        Assert.Equal(-1, inputs.AiResolutionRatePoints, precision: 9);
        Assert.DoesNotContain(InsightRule.AiResolutionRateDown, inputs.Attention);
    }

    [Fact]
    public void Satisfaction_down_by_at_least_two_tenths_needs_attention()
    {
        var scenario = new Scenario();
        Conversations(scenario, "y", Yesterday, 20);
        Conversations(scenario, "t", Today, 20);
        scenario.Message("y0", Yesterday, sentiment: 4).Message("y1", Yesterday, sentiment: 4);
        scenario.Message("t0", Today, sentiment: 4).Message("t1", Today, sentiment: 3).Message("t2", Today, sentiment: 4)
            .Message("t3", Today, sentiment: 4).Message("t4", Today, sentiment: 4);

        var inputs = scenario.Truth().InsightInputs(Tenant, Period("today", Now));

        Assert.Equal(-0.2, inputs.SatisfactionDelta!.Value, precision: 9);
        Assert.Contains(InsightRule.SatisfactionDown, inputs.Attention);
        Assert.Equal([InsightRule.AiResolutionRateSteady], inputs.Positive);
    }

    [Fact]
    public void A_handoff_reason_needs_attention_when_up_ten_percent_and_five_conversations()
    {
        var scenario = new Scenario();
        Conversations(scenario, "yb", Yesterday, 50, resolvedBy: "human", reason: "billing");
        Conversations(scenario, "yc", Yesterday, 10, resolvedBy: "human", reason: "complaint");
        Conversations(scenario, "tb", Today, 55, resolvedBy: "human", reason: "billing");
        Conversations(scenario, "tc", Today, 14, resolvedBy: "human", reason: "complaint");
        Conversations(scenario, "tl", Today, 5, resolvedBy: "human", reason: "loop_guard");

        var inputs = scenario.Truth().InsightInputs(Tenant, Period("today", Now));

        // billing +5 is exactly 10 %; complaint +4 is 40 % but under 5; loop_guard from 0 to 5 qualifies.
        Assert.Equal([InsightRule.HandoffReasonUp("billing"), InsightRule.HandoffReasonUp("loop_guard")], inputs.Attention);
        var billing = inputs.HandoffReasons.Single(r => r.Reason == "billing");
        Assert.Equal((55, 50, 5, 0.1), (billing.Count, billing.PreviousCount, billing.Increase, billing.RelativeIncrease!.Value));
        Assert.Null(inputs.HandoffReasons.Single(r => r.Reason == "loop_guard").RelativeIncrease);
    }

    [Fact]
    public void Pending_above_ten_percent_of_the_period_conversations_needs_attention()
    {
        var scenario = new Scenario();
        Conversations(scenario, "y", Yesterday, 20);
        Conversations(scenario, "t", Today, 20);
        Conversations(scenario, "old", "2025-12-01T09:00:00Z", 2, reason: "other");

        var atTen = scenario.Truth().InsightInputs(Tenant, Period("today", Now));
        var aboveTen = Conversations(scenario, "old2", "2025-12-01T09:00:00Z", 1, reason: "other").Truth().InsightInputs(Tenant, Period("today", Now));

        Assert.Equal(2, atTen.PendingNow);
        Assert.DoesNotContain(InsightRule.PendingHigh, atTen.Attention);
        Assert.Equal(3, aboveTen.PendingNow);
        Assert.Contains(InsightRule.PendingHigh, aboveTen.Attention);
    }
}
