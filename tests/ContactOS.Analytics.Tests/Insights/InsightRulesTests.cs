using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Insights;

namespace ContactOS.Analytics.Tests.Insights;

/// <summary>
/// The insights panel must never contradict the figures beside it: a period with conversations never reads as
/// having no data, and what it says about a KPI matches that KPI's card.
/// </summary>
public sealed class InsightRulesTests
{
    private static BucketTotals Totals(long started, long aiResolved, long sentimentSum = 0, long sentimentCount = 0, long[]? handoffs = null) =>
        new(started, aiResolved, started - aiResolved, 0, sentimentSum, sentimentCount, 0, 0, handoffs ?? new long[5], null);

    private static IEnumerable<string> Rules(IReadOnlyList<InsightFinding> findings) => findings.Select(f => f.Rule);

    [Fact]
    public void A_period_with_a_few_conversations_says_they_are_too_few_to_compare_instead_of_nothing()
    {
        // Early morning: 9 conversations so far today against 117 yesterday.
        var findings = InsightRules.Evaluate(Totals(9, 7), Totals(117, 72), pendingNow: 2);

        var finding = Assert.Single(findings);
        Assert.Equal(InsightRules.TooFewToCompare, finding.Rule);
        Assert.False(finding.Positive);
        Assert.Equal(
            "Too few conversations to compare with the previous period: 9 in this one and 117 in the previous one (20 needed in each).",
            InsightTexts.Describe(finding, "en"));
    }

    [Fact]
    public void A_period_after_an_empty_previous_period_says_there_is_nothing_to_compare_with()
    {
        var findings = InsightRules.Evaluate(Totals(2_400, 1_630), Totals(0, 0), pendingNow: 3);

        Assert.Equal([InsightRules.TooFewToCompare], Rules(findings));
        Assert.Equal(
            "Pocas conversaciones para comparar con el periodo anterior: 2.400 en este y 0 en el anterior (hacen falta 20 en cada uno).",
            InsightTexts.Describe(findings[0], "es"));
    }

    [Fact]
    public void A_period_without_conversations_has_no_insights()
    {
        Assert.Empty(InsightRules.Evaluate(Totals(0, 0), Totals(117, 72), pendingNow: 4));
    }

    [Fact]
    public void A_steady_ai_resolution_rate_and_satisfaction_are_reported_as_held_with_the_cards_figures()
    {
        // 30d of a steady tenant: 68.4 % against 67.7 %, satisfaction 3.41 against 3.41.
        var current = Totals(7_834, 5_361, sentimentSum: 34_100, sentimentCount: 10_000);
        var previous = Totals(8_153, 5_517, sentimentSum: 34_090, sentimentCount: 10_000);

        var findings = InsightRules.Evaluate(current, previous, pendingNow: 5);

        Assert.Equal([InsightRules.AiResolutionRateSteady, InsightRules.SatisfactionSteady], Rules(findings));
        Assert.All(findings, f => Assert.True(f.Positive));
        Assert.Equal("AI resolution rate held at 68.4% (67.7% in the previous period).", InsightTexts.Describe(findings[0], "en"));
        Assert.Equal("Satisfaction held at 3.41 out of 5 (3.41 in the previous period).", InsightTexts.Describe(findings[1], "en"));
        Assert.Equal(
            "La tasa de resolución por IA se mantuvo en el 68,4 % (67,7 % en el periodo anterior).", InsightTexts.Describe(findings[0], "es"));
    }

    [Fact]
    public void A_change_of_two_points_or_more_is_a_rise_or_a_fall_not_steady()
    {
        Assert.Equal([InsightRules.AiResolutionRateUp], Rules(InsightRules.Evaluate(Totals(100, 72), Totals(100, 70), pendingNow: 0)));
        Assert.Equal([InsightRules.AiResolutionRateDown], Rules(InsightRules.Evaluate(Totals(100, 68), Totals(100, 70), pendingNow: 0)));
        Assert.Equal([InsightRules.AiResolutionRateSteady], Rules(InsightRules.Evaluate(Totals(100, 71), Totals(100, 70), pendingNow: 0)));
    }

    [Fact]
    public void Every_period_with_enough_conversations_says_exactly_one_thing_about_the_ai_resolution_rate()
    {
        var random = new Random(17);
        string[] aiRules = [InsightRules.AiResolutionRateUp, InsightRules.AiResolutionRateDown, InsightRules.AiResolutionRateSteady];
        for (var i = 0; i < 2_000; i++)
        {
            long n = random.Next(20, 5_000), m = random.Next(20, 5_000);
            var findings = InsightRules.Evaluate(Totals(n, random.NextInt64(n + 1)), Totals(m, random.NextInt64(m + 1)), pendingNow: 0);

            Assert.Single(findings, f => aiRules.Contains(f.Rule));
        }
    }
}
