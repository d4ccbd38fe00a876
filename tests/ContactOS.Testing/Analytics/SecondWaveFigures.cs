using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;
using ContactOS.Grains.Queries;
using Orleans;
using ContactOS.Simulation.Oracle;

namespace ContactOS.Testing.Analytics;

/// <summary>
/// The second-wave figures the REST API serves (response times, quality, intents, tools, drop-off, costs), translated
/// into the oracle's own record types so they compare field by field with <see cref="FigureDifferences.CompareSecondWave"/>.
/// </summary>
public sealed record SecondWaveFigures(
    ExpectedResponseTimes ResponseTimes,
    ExpectedQuality Quality,
    ExpectedIntents Intents,
    ExpectedTools Tools,
    ExpectedDropOff DropOff,
    ExpectedCosts Costs)
{
    /// <summary>The figures from the production query layer (<see cref="TenantAnalytics"/>), as the endpoints serve them.</summary>
    public static async Task<SecondWaveFigures> QueryAsync(
        IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now, AnalyticsSettings settings) => From(
        await TenantAnalytics.ResponseTimesAsync(grains, tenantId, period),
        await TenantAnalytics.QualityAsync(grains, tenantId, period, now, settings),
        await TenantAnalytics.IntentsAsync(grains, tenantId, period, settings),
        await TenantAnalytics.ToolsAsync(grains, tenantId, period),
        await TenantAnalytics.DropOffAsync(grains, tenantId, period, now, settings),
        await TenantAnalytics.CostsAsync(grains, tenantId, period, now, settings));

    public static SecondWaveFigures From(
        ResponseTimesReport times, QualityReport quality, IntentsReport intents, ToolsReport tools, DropOffReport dropOff, CostsReport costs)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(quality);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(dropOff);
        ArgumentNullException.ThrowIfNull(costs);

        return new SecondWaveFigures(
            new ExpectedResponseTimes(Duration(times.FirstResponse), Duration(times.HumanFirstResponse), Duration(times.HandleTime), Duration(times.ResolutionTime)),
            new ExpectedQuality(
                quality.ReopenWindowHours,
                quality.AbandonAfterHours,
                Segments(quality.Csat, c => new ExpectedCsat(c.Responses, c.Mean, c.SatisfiedShare)),
                Segments(quality.Nps, n => new ExpectedNps(n.Responses, n.Promoters, n.Passives, n.Detractors, n.Score)),
                Segments(quality.FeedbackResponseRate, Rate),
                Segments(quality.ReopenRate, Rate),
                Segments(quality.FirstContactResolution, Rate),
                new ExpectedTransferRates(Rate(quality.TransferRate.Ai), Rate(quality.TransferRate.Human)),
                Segments(quality.Abandonment, Rate)),
            new ExpectedIntents(
                intents.Detections,
                [.. intents.Intents.Select(i => new ExpectedIntent(i.Intent, i.Conversations, i.Detections, i.MeanConfidence))],
                [.. intents.Histogram.Select(b => new ExpectedConfidenceBin(b.From, b.To, b.Detections))],
                intents.LowConfidenceThreshold,
                Rate(intents.LowConfidence),
                intents.FallbackIntents,
                Rate(intents.Fallback)),
            new ExpectedTools([.. tools.Tools.Select(t => new ExpectedTool(t.Tool, t.Calls, t.Succeeded, t.Failed, t.SuccessRate, Duration(t.LatencyMs)))]),
            new ExpectedDropOff(dropOff.Started, dropOff.Abandoned, [.. dropOff.ByLastIntent.Select(c => new ExpectedCount(c.Intent, checked((int)c.Count)))]),
            new ExpectedCosts(
                costs.Currency,
                [.. costs.Models.Select(m => new ExpectedModelSpend(m.Model, m.Messages, m.Tokens, m.Cost))],
                new ExpectedConversationSpend(
                    costs.PerConversation.Conversations, costs.PerConversation.Tokens, costs.PerConversation.Cost,
                    costs.PerConversation.MeanTokens, costs.PerConversation.MeanCost),
                new ExpectedAiResolutionCost(costs.AiResolution.Resolutions, costs.AiResolution.Cost, costs.AiResolution.CostPerResolution),
                new ExpectedHumanResolutionCost(
                    costs.HumanResolution.Resolutions, costs.HumanResolution.Cost, costs.HumanResolution.HandleHours,
                    costs.HumanResolution.AgentCost, costs.HumanResolution.CostPerResolution),
                new ExpectedAutomation(
                    costs.Automation.Automated, costs.Automation.Started, costs.Automation.Rate, costs.Automation.CostSaved, costs.Automation.NetSaved),
                new ExpectedBudget(
                    costs.Budget.MonthStart, costs.Budget.SpendToDate, costs.Budget.ProjectedMonthEnd, costs.Budget.MonthlyBudget, costs.Budget.OverBudget)));
    }

    private static ExpectedDuration Duration(DurationSummary d) => new(d.Count, d.Mean, d.P50, d.P90, d.P95, d.P99);

    private static ExpectedRate Rate(RateFigure r) => new(r.Count, r.Of, r.Value);

    private static ExpectedSegments<TExpected> Segments<TServed, TExpected>(SegmentFigures<TServed> served, Func<TServed, TExpected> map) =>
        new(map(served.Ai), map(served.Human), map(served.All));
}
