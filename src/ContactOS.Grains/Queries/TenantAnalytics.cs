using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Tenants;

namespace ContactOS.Grains.Queries;

/// <summary>
/// Answers analytics queries from a tenant's aggregator: one call fetches the bucket sums a query needs, then the
/// definitions of docs/analytics.md are applied to them. The cost depends on the period's length only.
/// </summary>
public static class TenantAnalytics
{
    public static async Task<KpiReport> KpisAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now)
    {
        var today = LocalDay.Today(now, period.Zone);
        var yesterday = LocalDay.Yesterday(now, period.Zone);
        var totals = await grains.GetGrain<ITenantAggregatorGrain>(tenantId).GetTotals(
        [
            new HourRange(period.From, period.To),
            new HourRange(period.PreviousFrom, period.PreviousTo),
            new HourRange(today.Start, today.End),
            new HourRange(yesterday.Start, yesterday.End),
        ]);
        var (current, previous) = (totals.Ranges[0], totals.Ranges[1]);
        return new KpiReport(
            period.Name,
            period.From,
            period.To,
            new KpiValue(AiResolutionRate(current), AiResolutionRate(previous)),
            new KpiValue(current.Started, previous.Started),
            new KpiValue(totals.Pending, null),
            new KpiValue(totals.Ranges[2].Closed, totals.Ranges[3].Closed),
            new KpiValue(totals.Active, null),
            new KpiValue(Satisfaction(current), Satisfaction(previous)));
    }

    public static double AiResolutionRate(BucketTotals totals) => totals.Started == 0 ? 0 : (double)totals.AiResolved / totals.Started;

    public static double? Satisfaction(BucketTotals totals)
    {
        var count = totals.AiSentimentCount + totals.HumanSentimentCount;
        return count == 0 ? null : (double)(totals.AiSentimentSum + totals.HumanSentimentSum) / count;
    }
}
