using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Queries;
using ContactOS.Runtime;
using ContactOS.Grains.Tenants;
using ContactOS.Simulation.Oracle;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// The figures of docs/analytics.md derived from the engine's bucket sums, in the oracle's own record types so the
/// two compare field by field. It stands in for the query layer to come and is kept literal: one
/// <see cref="ITenantAggregatorGrain.GetTotals"/> call for the period, the previous period, local today and
/// yesterday and each bucket, then the definitions applied to those sums.
/// </summary>
internal sealed record EngineFigures(
    ExpectedKpis Kpis,
    ExpectedResolutionSplit ResolutionSplit,
    ExpectedHandoffReasons HandoffReasons,
    ExpectedTopIntents TopIntents,
    ExpectedVolume Volume,
    ExpectedSentimentTrend SentimentTrend)
{
    public static async Task<EngineFigures> QueryAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now)
    {
        var aggregator = grains.GetGrain<ITenantAggregatorGrain>(tenantId);
        var today = LocalDay.Today(now, period.Zone);
        var yesterday = LocalDay.Yesterday(now, period.Zone);
        List<HourRange> ranges =
        [
            new(period.From, period.To),
            new(period.PreviousFrom, period.PreviousTo),
            new(today.Start, today.End),
            new(yesterday.Start, yesterday.End),
        ];
        const int firstBucket = 4;
        for (var i = 0; i < period.Buckets.Count; i++)
        {
            ranges.Add(new(period.Buckets[i], i + 1 < period.Buckets.Count ? period.Buckets[i + 1] : period.To));
        }

        var totals = await aggregator.GetTotals(ranges);
        var (current, previous) = (totals.Ranges[0], totals.Ranges[1]);
        var buckets = totals.Ranges.Skip(firstBucket).ToList();

        // The KPIs come from the production query the REST API serves, so the comparison covers it.
        var report = await TenantAnalytics.KpisAsync(grains, tenantId, period, now);
        var kpis = new ExpectedKpis(
            report.AiResolutionRate.Value!.Value,
            report.AiResolutionRate.Previous!.Value,
            Count(report.TotalConversations.Value),
            Count(report.TotalConversations.Previous),
            Count(report.Pending.Value),
            Count(report.ClosedToday.Value),
            Count(report.ClosedToday.Previous),
            Count(report.Active.Value),
            report.Satisfaction.Value,
            report.Satisfaction.Previous);

        var resolved = current.AiResolved + current.HumanResolved;
        var split = resolved == 0
            ? new ExpectedResolutionSplit(0, 0, 0, 0)
            : new ExpectedResolutionSplit(
                Count(current.AiResolved), Count(current.HumanResolved), (double)current.AiResolved / resolved, (double)current.HumanResolved / resolved);

        var reasons = new ExpectedHandoffReasons(
            EventVocabulary.HandoffReasons.Select((reason, i) => new ExpectedCount(reason, Count(current.Handoffs[i]))).ToList());

        var topIntents = new ExpectedTopIntents(current.Intents
            .OrderByDescending(intent => intent.Value)
            .ThenBy(intent => intent.Key, StringComparer.Ordinal)
            .Take(5)
            .Select(intent => new ExpectedCount(intent.Key, Count(intent.Value)))
            .ToList());

        var volume = new ExpectedVolume(period.Buckets
            .Select((start, i) => new ExpectedVolumeBucket(start, Count(buckets[i].AiResolved), Count(buckets[i].HumanResolved)))
            .ToList());

        var trend = new ExpectedSentimentTrend(period.Buckets
            .Select((start, i) => new ExpectedSentimentBucket(
                start,
                Mean(buckets[i].AiSentimentSum, buckets[i].AiSentimentCount),
                Mean(buckets[i].HumanSentimentSum, buckets[i].HumanSentimentCount)))
            .ToList());

        return new EngineFigures(kpis, split, reasons, topIntents, volume, trend);
    }

    private static double? Mean(long sum, long count) => count == 0 ? null : (double)sum / count;

    private static int Count(long value) => checked((int)value);

    private static int Count(double? value) => checked((int)value!.Value);
}
