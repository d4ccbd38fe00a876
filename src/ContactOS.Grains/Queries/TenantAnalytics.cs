using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Insights;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Ingestion;
using ContactOS.Grains.Tenants;

namespace ContactOS.Grains.Queries;

/// <summary>
/// Answers analytics queries from a tenant's grains: one call fetches the bucket sums a query needs (and, for live
/// figures, one call the tenant grain's gauges), then the definitions of docs/analytics.md are applied to them. The
/// cost depends on the period's length only, never on the number of conversations.
/// </summary>
public static partial class TenantAnalytics
{
    public static async Task<KpiReport> KpisAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now)
    {
        await CaughtUpAsync(grains, tenantId);
        var today = LocalDay.Today(now, period.Zone);
        var yesterday = LocalDay.Yesterday(now, period.Zone);
        var totalsTask = TotalsAsync(grains, tenantId,
        [
            new HourRange(period.From, period.To),
            new HourRange(period.PreviousFrom, period.PreviousTo),
            new HourRange(today.Start, today.End),
            new HourRange(yesterday.Start, yesterday.End),
        ]);
        var live = await grains.GetGrain<ITenantGrain>(tenantId).GetLive();
        var totals = await totalsTask;
        var (current, previous) = (totals[0], totals[1]);
        return new KpiReport(
            period.Name,
            period.From,
            period.To,
            new KpiValue(AiResolutionRate(current), AiResolutionRate(previous)),
            new KpiValue(current.Started, previous.Started),
            new KpiValue(live.Pending, null),
            new KpiValue(totals[2].Closed, totals[3].Closed),
            new KpiValue(live.Active, null),
            new KpiValue(Satisfaction(current), Satisfaction(previous)));
    }

    public static async Task<ResolutionSplitReport> ResolutionSplitAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period)
    {
        await CaughtUpAsync(grains, tenantId);
        var current = await PeriodTotalsAsync(grains, tenantId, period);
        var resolved = current.AiResolved + current.HumanResolved;
        return new ResolutionSplitReport(
            period.Name, period.From, period.To, current.AiResolved, current.HumanResolved,
            resolved == 0 ? 0 : (double)current.AiResolved / resolved,
            resolved == 0 ? 0 : (double)current.HumanResolved / resolved);
    }

    public static async Task<HandoffReasonsReport> HandoffReasonsAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period)
    {
        await CaughtUpAsync(grains, tenantId);
        var current = await PeriodTotalsAsync(grains, tenantId, period);
        return new HandoffReasonsReport(
            period.Name, period.From, period.To,
            [.. EventVocabulary.HandoffReasons.Select((reason, i) => new ReasonCount(reason, current.Handoffs[i]))]);
    }

    public static async Task<TopIntentsReport> TopIntentsAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period)
    {
        await CaughtUpAsync(grains, tenantId);
        var current = await PeriodTotalsAsync(grains, tenantId, period);
        return new TopIntentsReport(
            period.Name, period.From, period.To,
            [.. current.Intents
                .OrderByDescending(intent => intent.Value)
                .ThenBy(intent => intent.Key, StringComparer.Ordinal)
                .Take(5)
                .Select(intent => new IntentCount(intent.Key, intent.Value))]);
    }

    public static async Task<VolumeReport> VolumeAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period)
    {
        await CaughtUpAsync(grains, tenantId);
        var buckets = await BucketTotalsAsync(grains, tenantId, period);
        return new VolumeReport(
            period.Name, period.From, period.To, IntervalName(period),
            [.. period.Buckets.Select((start, i) => new VolumeBucket(start, buckets[i].AiResolved, buckets[i].HumanResolved))]);
    }

    public static async Task<SentimentTrendReport> SentimentTrendAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period)
    {
        await CaughtUpAsync(grains, tenantId);
        var buckets = await BucketTotalsAsync(grains, tenantId, period);
        return new SentimentTrendReport(
            period.Name, period.From, period.To, IntervalName(period),
            [.. period.Buckets.Select((start, i) => new SentimentBucket(
                start,
                Mean(buckets[i].AiSentimentSum, buckets[i].AiSentimentCount),
                Mean(buckets[i].HumanSentimentSum, buckets[i].HumanSentimentCount)))]);
    }

    /// <summary>The insight rules' findings for the period against the previous one.</summary>
    public static async Task<IReadOnlyList<InsightFinding>> InsightFindingsAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period)
    {
        await CaughtUpAsync(grains, tenantId);
        var totalsTask = TotalsAsync(grains, tenantId,
            [new HourRange(period.From, period.To), new HourRange(period.PreviousFrom, period.PreviousTo)]);
        var live = await grains.GetGrain<ITenantGrain>(tenantId).GetLive();
        var totals = await totalsTask;
        return InsightRules.Evaluate(totals[0], totals[1], live.Pending);
    }

    public static async Task<InsightsReport> InsightsAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period, string lang)
    {
        var findings = await InsightFindingsAsync(grains, tenantId, period);
        return new InsightsReport(
            period.Name, period.From, period.To, lang,
            [.. findings.Where(f => f.Positive).Select(f => new Insight(f.Rule, InsightTexts.Describe(f, lang)))],
            [.. findings.Where(f => !f.Positive).Select(f => new Insight(f.Rule, InsightTexts.Describe(f, lang)))]);
    }

    /// <summary>The roster, its times in <paramref name="zone"/> (the tenant's), whatever offset the events carried.</summary>
    public static async Task<AgentRoster> AgentsAsync(IGrainFactory grains, string tenantId, TimeZoneInfo zone)
    {
        await CaughtUpAsync(grains, tenantId);
        var live = await grains.GetGrain<ITenantGrain>(tenantId).GetLive();
        var agents = live.Agents
            .Select(a => new RosterEntry(a.AgentId, a.DisplayName, a.Status, TimeZoneInfo.ConvertTime(a.Since, zone), live.Assigned.GetValueOrDefault(a.AgentId)))
            .ToList();

        // Conversations assigned to an agent who never sent a status: the agent is at work on them.
        var reported = agents.Select(a => a.AgentId).ToHashSet(StringComparer.Ordinal);
        var unreported = live.Assigned
            .Where(assigned => assigned.Value > 0 && !reported.Contains(assigned.Key))
            .Select(assigned => new RosterEntry(assigned.Key, assigned.Key, "busy", null, assigned.Value))
            .ToList();
        if (unreported.Count > 0)
        {
            agents = [.. agents.Concat(unreported)
                .OrderBy(a => a.DisplayName, StringComparer.Ordinal)
                .ThenBy(a => a.AgentId, StringComparer.Ordinal)];
        }

        return new AgentRoster(agents, new AgentCounts(
            agents.Count(a => a.Status == "online"), agents.Count(a => a.Status == "busy"), agents.Count(a => a.Status == "offline")));
    }

    public static double AiResolutionRate(BucketTotals totals) => totals.Started == 0 ? 0 : (double)totals.AiResolved / totals.Started;

    public static double? Satisfaction(BucketTotals totals) => Mean(
        totals.AiSentimentSum + totals.HumanSentimentSum, totals.AiSentimentCount + totals.HumanSentimentCount);

    private static double? Mean(long sum, long count) => count == 0 ? null : (double)sum / count;

    private static string IntervalName(ResolvedPeriod period) => period.Interval == BucketInterval.Hour ? "hour" : "day";

    /// <summary>
    /// Makes sure the tenant's grains have caught up with the event log (after a restart, a failover or a move), so an
    /// answer is never a snapshot's stale view; at once when they have.
    /// </summary>
    private static Task CaughtUpAsync(IGrainFactory grains, string tenantId) => grains.GetGrain<ITenantPipelineGrain>(tenantId).CatchUp();

    /// <summary>The sums of the tenant's hour buckets over each range, in one call to its aggregator.</summary>
    private static async Task<BucketTotals[]> TotalsAsync(IGrainFactory grains, string tenantId, HourRange[] ranges) =>
        Array.ConvertAll(await grains.GetGrain<ITenantAggregatorGrain>(tenantId).GetTotals(ranges), BucketTotals.FromState);

    private static async Task<BucketTotals> PeriodTotalsAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period) =>
        (await TotalsAsync(grains, tenantId, [new HourRange(period.From, period.To)]))[0];

    private static Task<BucketTotals[]> BucketTotalsAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period) =>
        TotalsAsync(grains, tenantId,
            [.. period.Buckets.Select((start, i) => new HourRange(start, i + 1 < period.Buckets.Count ? period.Buckets[i + 1] : period.To))]);
}
