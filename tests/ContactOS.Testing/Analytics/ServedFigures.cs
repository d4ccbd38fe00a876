using ContactOS.Analytics.Periods;
using ContactOS.Grains.Queries;
using Orleans;
using ContactOS.Simulation.Oracle;

namespace ContactOS.Testing.Analytics;

/// <summary>
/// The figures the REST API serves, from the production query layer (<see cref="TenantAnalytics"/>) or from the API's
/// JSON answers, translated into the oracle's own record types so the two compare field by field.
/// </summary>
public sealed record ServedFigures(
    ExpectedKpis Kpis,
    ExpectedResolutionSplit ResolutionSplit,
    ExpectedHandoffReasons HandoffReasons,
    ExpectedTopIntents TopIntents,
    ExpectedVolume Volume,
    ExpectedSentimentTrend SentimentTrend,
    ExpectedAgents Agents,
    IReadOnlyList<string> Positive,
    IReadOnlyList<string> Attention)
{
    public static async Task<ServedFigures> QueryAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now) => From(
        await TenantAnalytics.KpisAsync(grains, tenantId, period, now),
        await TenantAnalytics.ResolutionSplitAsync(grains, tenantId, period),
        await TenantAnalytics.HandoffReasonsAsync(grains, tenantId, period),
        await TenantAnalytics.TopIntentsAsync(grains, tenantId, period),
        await TenantAnalytics.VolumeAsync(grains, tenantId, period),
        await TenantAnalytics.SentimentTrendAsync(grains, tenantId, period),
        await TenantAnalytics.AgentsAsync(grains, tenantId, period.Zone),
        await TenantAnalytics.InsightsAsync(grains, tenantId, period, "en"));

    public static ServedFigures From(
        KpiReport report, ResolutionSplitReport split, HandoffReasonsReport reasons, TopIntentsReport intents,
        VolumeReport volume, SentimentTrendReport trend, AgentRoster roster, InsightsReport insights)
    {
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

        return new ServedFigures(
            kpis,
            new ExpectedResolutionSplit(Count(split.Ai), Count(split.Human), split.AiShare, split.HumanShare),
            new ExpectedHandoffReasons([.. reasons.Reasons.Select(r => new ExpectedCount(r.Reason, Count(r.Count)))]),
            new ExpectedTopIntents([.. intents.Intents.Select(i => new ExpectedCount(i.Intent, Count(i.Count)))]),
            new ExpectedVolume([.. volume.Buckets.Select(b => new ExpectedVolumeBucket(b.Start, Count(b.Ai), Count(b.Human)))]),
            new ExpectedSentimentTrend([.. trend.Buckets.Select(b => new ExpectedSentimentBucket(b.Start, b.Ai, b.Human))]),
            new ExpectedAgents([.. roster.Agents.Select(a => new ExpectedAgent(a.AgentId, a.DisplayName, a.Status, a.Since))]),
            [.. insights.Positive.Select(i => i.Rule)],
            [.. insights.Attention.Select(i => i.Rule)]);
    }

    private static int Count(long value) => checked((int)value);

    private static int Count(double? value) => checked((int)value!.Value);
}
