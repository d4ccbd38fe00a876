using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Insights;

/// <summary>
/// The insight rules of docs/analytics.md. Each compares the period with the previous one and applies only when both
/// have at least <see cref="MinimumConversations"/> conversations. Thresholds are compared exactly, in integers, so a
/// change of exactly 2 points or 0.2 fires. A period with conversations always gets at least one finding: a change, a
/// steady figure, or that there are too few conversations to compare; so "no insights" means no conversations.
/// </summary>
public static class InsightRules
{
    public const int MinimumConversations = 20;

    public const string AiResolutionRateUp = "ai_resolution_rate_up";
    public const string AiResolutionRateDown = "ai_resolution_rate_down";
    public const string SatisfactionUp = "satisfaction_up";
    public const string SatisfactionDown = "satisfaction_down";
    public const string AiResolutionRateSteady = "ai_resolution_rate_steady";
    public const string SatisfactionSteady = "satisfaction_steady";
    public const string TooFewToCompare = "too_few_to_compare";
    public const string PendingHigh = "pending_high";
    public const string HandoffReasonUpPrefix = "handoff_reason_up:";

    public static IReadOnlyList<InsightFinding> Evaluate(BucketTotals current, BucketTotals previous, long pendingNow)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        long n = current.Started, m = previous.Started;
        if (n == 0)
        {
            return [];
        }

        if (n < MinimumConversations || m < MinimumConversations)
        {
            return [new InsightFinding(TooFewToCompare, false, n, m)];
        }

        var findings = new List<InsightFinding>();
        long a = current.AiResolved, b = previous.AiResolved;
        double rate = (double)a / n, previousRate = (double)b / m;
        if (100 * ((a * m) - (b * n)) >= 2 * n * m)
        {
            findings.Add(new InsightFinding(AiResolutionRateUp, true, rate, previousRate));
        }

        if (100 * ((b * n) - (a * m)) >= 2 * n * m)
        {
            findings.Add(new InsightFinding(AiResolutionRateDown, false, rate, previousRate));
        }

        if (100 * Math.Abs((a * m) - (b * n)) < 2 * n * m)
        {
            findings.Add(new InsightFinding(AiResolutionRateSteady, true, rate, previousRate));
        }

        long s1 = current.AiSentimentSum + current.HumanSentimentSum, c1 = current.AiSentimentCount + current.HumanSentimentCount;
        long s2 = previous.AiSentimentSum + previous.HumanSentimentSum, c2 = previous.AiSentimentCount + previous.HumanSentimentCount;
        if (c1 > 0 && c2 > 0)
        {
            double mean = (double)s1 / c1, previousMean = (double)s2 / c2;
            if (5 * ((s1 * c2) - (s2 * c1)) >= c1 * c2)
            {
                findings.Add(new InsightFinding(SatisfactionUp, true, mean, previousMean));
            }

            if (5 * ((s2 * c1) - (s1 * c2)) >= c1 * c2)
            {
                findings.Add(new InsightFinding(SatisfactionDown, false, mean, previousMean));
            }

            if (5 * Math.Abs((s1 * c2) - (s2 * c1)) < c1 * c2)
            {
                findings.Add(new InsightFinding(SatisfactionSteady, true, mean, previousMean));
            }
        }

        // "Up by at least 10 %" of the previous count and by at least 5; from a previous count of 0 any such rise counts.
        for (var i = 0; i < EventVocabulary.HandoffReasons.Count; i++)
        {
            var increase = current.Handoffs[i] - previous.Handoffs[i];
            if (increase >= 5 && 10 * increase >= previous.Handoffs[i])
            {
                var reason = EventVocabulary.HandoffReasons[i];
                findings.Add(new InsightFinding(HandoffReasonUpPrefix + reason, false, current.Handoffs[i], previous.Handoffs[i], reason));
            }
        }

        if (10 * pendingNow > n)
        {
            findings.Add(new InsightFinding(PendingHigh, false, pendingNow, n));
        }

        return findings;
    }
}
