using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;
using ContactOS.Grains.Tenants;

namespace ContactOS.Grains.Queries;

/// <summary>The second wave's figures (docs/analytics.md): one call to the tenant's aggregator for the counters each needs.</summary>
public static partial class TenantAnalytics
{
    private static readonly MetricSet s_times = MetricSet.Of(Metric.FirstResponse, Metric.HumanFirstResponse, Metric.HandleTime, Metric.ResolutionTime);
    private static readonly MetricSet s_quality = MetricSet.Of(
        Metric.Shape, Metric.Csat, Metric.Nps, Metric.Ended, Metric.Resolved, Metric.ClosedUnresolved, Metric.OpenUnresolvedAi, Metric.OpenUnresolvedHuman);
    private static readonly MetricSet s_dropOff = MetricSet.Of(Metric.Shape, Metric.ClosedUnresolved, Metric.OpenUnresolvedIntent);
    private static readonly MetricSet s_intents = MetricSet.Of(
        Metric.IntentDetections, Metric.IntentConfidenceMicros, Metric.IntentConfidenceCount, Metric.ConfidencePercent);
    private static readonly MetricSet s_tools = MetricSet.Of(Metric.ToolCalls, Metric.ToolLatency);
    private static readonly MetricSet s_costs = MetricSet.Of(
        Metric.Shape, Metric.Resolved, Metric.ModelMessages, Metric.ModelTokens, Metric.ModelCostMicros,
        Metric.ConversationTokens, Metric.ConversationCostMicros, Metric.HandleMillis);
    private static readonly MetricSet s_spend = MetricSet.Of(Metric.ModelCostMicros);

    public static async Task<ResponseTimesReport> ResponseTimesAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period)
    {
        var details = await PeriodDetailsAsync(grains, tenantId, period, s_times);
        return new ResponseTimesReport(
            period.Name, period.From, period.To,
            Seconds(details.Histogram(Metric.FirstResponse)),
            Seconds(details.Histogram(Metric.HumanFirstResponse)),
            Seconds(details.Histogram(Metric.HandleTime)),
            Seconds(details.Histogram(Metric.ResolutionTime)));
    }

    public static async Task<QualityReport> QualityAsync(
        IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now, AnalyticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cutoff = IdleCutoff(now, period.Zone, settings);
        var details = await PeriodDetailsAsync(grains, tenantId, period, s_quality, cutoff);
        var csat = details.Counts(Metric.Csat).ToList();
        var nps = details.Counts(Metric.Nps).ToList();
        var ended = details.Counts(Metric.Ended).ToList();
        var resolved = details.Counts(Metric.Resolved).ToList();
        var shapes = Shapes(details);
        var closedUnresolved = details.Counts(Metric.ClosedUnresolved).ToList();
        var abandonedAi = closedUnresolved.Where(c => c.Value == 0).Sum(c => c.Count)
            + details.Counts(Metric.OpenUnresolvedAi).Where(o => o.Value == 1).Sum(o => o.Count);
        var abandonedHuman = closedUnresolved.Where(c => c.Value == 1).Sum(c => c.Count)
            + details.Counts(Metric.OpenUnresolvedHuman).Where(o => o.Value == 1).Sum(o => o.Count);
        bool Reopened(long gapHours) => gapHours >= 0 && gapHours <= settings.ReopenWindowHours;
        RateFigure Reopen(Func<string?, bool> segment) => Rate(
            resolved.Where(r => segment(r.Label) && Reopened(r.Value)).Sum(r => r.Count),
            resolved.Where(r => segment(r.Label)).Sum(r => r.Count));
        RateFigure FirstContact(Func<string?, bool> segment) => Rate(
            resolved.Where(r => segment(r.Label) && !Reopened(r.Value) && !IsTransferred(r.Label)).Sum(r => r.Count),
            resolved.Where(r => segment(r.Label)).Sum(r => r.Count));
        RateFigure Feedback(Func<string?, bool> segment) => Rate(
            ended.Where(e => segment(e.Label) && e.Value == 1).Sum(e => e.Count),
            ended.Where(e => segment(e.Label)).Sum(e => e.Count));

        var started = shapes.Values.Sum();
        var handedOff = shapes.Where(s => s.Key.HasFlag(ConversationShape.HandedOff)).Sum(s => s.Value);
        var assigned = shapes.Where(s => s.Key.HasFlag(ConversationShape.Assigned)).Sum(s => s.Value);
        var transferred = shapes.Where(s => s.Key.HasFlag(ConversationShape.Transferred)).Sum(s => s.Value);

        return new QualityReport(
            period.Name, period.From, period.To, settings.ReopenWindowHours, settings.AbandonAfterHours,
            new SegmentFigures<CsatFigures>(Csat(csat, IsAi), Csat(csat, IsHuman), Csat(csat, _ => true)),
            new SegmentFigures<NpsFigures>(Nps(nps, IsAi), Nps(nps, IsHuman), Nps(nps, _ => true)),
            new SegmentFigures<RateFigure>(Feedback(IsAi), Feedback(IsHuman), Feedback(_ => true)),
            new SegmentFigures<RateFigure>(Reopen(IsAi), Reopen(IsHuman), Reopen(_ => true)),
            new SegmentFigures<RateFigure>(FirstContact(IsAi), FirstContact(IsHuman), FirstContact(_ => true)),
            new TransferRates(Rate(handedOff, started), Rate(transferred, assigned)),
            new SegmentFigures<RateFigure>(
                Rate(abandonedAi, started - handedOff), Rate(abandonedHuman, handedOff), Rate(abandonedAi + abandonedHuman, started)));
    }

    public static async Task<IntentsReport> IntentsAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period, AnalyticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await CaughtUpAsync(grains, tenantId);
        var range = new[] { new HourRange(period.From, period.To) };
        var aggregator = grains.GetGrain<ITenantAggregatorGrain>(tenantId);
        var detailsTask = aggregator.GetDetails(range, s_intents);
        var totals = BucketTotals.FromState((await aggregator.GetTotals(range))[0]);
        var details = DetailTotals.FromState((await detailsTask)[0]);

        var detections = ByLabel(details, Metric.IntentDetections);
        var confidenceSums = ByLabel(details, Metric.IntentConfidenceMicros);
        var confidenceCounts = ByLabel(details, Metric.IntentConfidenceCount);
        var intents = totals.Intents.Keys.Union(detections.Keys, StringComparer.Ordinal)
            .Select(intent => new IntentFigures(
                intent,
                totals.Intents.GetValueOrDefault(intent),
                detections.GetValueOrDefault(intent),
                confidenceCounts.GetValueOrDefault(intent) is > 0 and var n ? confidenceSums.GetValueOrDefault(intent) / 1_000_000.0 / n : null))
            .OrderByDescending(i => i.Conversations)
            .ThenBy(i => i.Intent, StringComparer.Ordinal)
            .ToList();

        var bins = new long[10];
        long withConfidence = 0, low = 0;
        var threshold = (int)Math.Round(settings.LowConfidenceThreshold * 100, MidpointRounding.AwayFromZero);
        foreach (var (_, percent, count) in details.Counts(Metric.ConfidencePercent))
        {
            bins[Math.Clamp((int)percent / 10, 0, 9)] += count;
            withConfidence += count;
            if (percent < threshold)
            {
                low += count;
            }
        }

        var fallbackNames = settings.FallbackIntents.ToHashSet(StringComparer.Ordinal);
        var total = detections.Values.Sum();
        return new IntentsReport(
            period.Name, period.From, period.To, total, intents,
            [.. bins.Select((count, i) => new ConfidenceBin(i / 10.0, (i + 1) / 10.0, count))],
            settings.LowConfidenceThreshold,
            Rate(low, withConfidence),
            settings.FallbackIntents,
            Rate(detections.Where(d => fallbackNames.Contains(d.Key)).Sum(d => d.Value), total));
    }

    public static async Task<ToolsReport> ToolsAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period)
    {
        var details = await PeriodDetailsAsync(grains, tenantId, period, s_tools);
        var tools = details.Counts(Metric.ToolCalls)
            .GroupBy(c => c.Label!, StringComparer.Ordinal)
            .Select(calls =>
            {
                var succeeded = calls.Where(c => c.Value == 1).Sum(c => c.Count);
                var failed = calls.Where(c => c.Value == 0).Sum(c => c.Count);
                return new ToolFigures(
                    calls.Key, calls.Sum(c => c.Count), succeeded, failed,
                    succeeded + failed == 0 ? null : (double)succeeded / (succeeded + failed),
                    Summary(details.Histogram(Metric.ToolLatency, calls.Key), 1));
            })
            .OrderByDescending(t => t.Calls)
            .ThenBy(t => t.Tool, StringComparer.Ordinal)
            .ToList();
        return new ToolsReport(period.Name, period.From, period.To, tools);
    }

    public static async Task<DropOffReport> DropOffAsync(
        IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now, AnalyticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var details = await PeriodDetailsAsync(grains, tenantId, period, s_dropOff, IdleCutoff(now, period.Zone, settings));
        var byIntent = details.Counts(Metric.ClosedUnresolved)
            .Concat(details.Counts(Metric.OpenUnresolvedIntent).Where(o => o.Value == 1))
            .GroupBy(a => a.Label!, StringComparer.Ordinal)
            .Select(g => new IntentCount(g.Key, g.Sum(a => a.Count)))
            .Where(c => c.Count != 0)
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Intent, StringComparer.Ordinal)
            .ToList();
        return new DropOffReport(period.Name, period.From, period.To, Shapes(details).Values.Sum(), byIntent.Sum(c => c.Count), byIntent);
    }

    public static async Task<CostsReport> CostsAsync(
        IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now, AnalyticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await CaughtUpAsync(grains, tenantId);
        var zone = period.Zone;
        var today = TenantCalendar.LocalDate(now, zone);
        var monthStart = TenantCalendar.StartOfDay(new DateOnly(today.Year, today.Month, 1), zone);
        var nextMonth = TenantCalendar.StartOfDay(new DateOnly(today.Year, today.Month, 1).AddMonths(1), zone);
        var aggregator = grains.GetGrain<ITenantAggregatorGrain>(tenantId);
        var periodTask = aggregator.GetDetails([new HourRange(period.From, period.To)], s_costs);
        var month = DetailTotals.FromState((await aggregator.GetDetails(
            [new HourRange(monthStart, TenantCalendar.NextBucketStart(now, BucketInterval.Hour, zone))], s_spend))[0]);
        var details = DetailTotals.FromState((await periodTask)[0]);

        var tokens = ByLabel(details, Metric.ModelTokens);
        var costs = ByLabel(details, Metric.ModelCostMicros);
        var models = ByLabel(details, Metric.ModelMessages)
            .Select(m => new ModelSpend(m.Key, m.Value, tokens.GetValueOrDefault(m.Key), Money(costs.GetValueOrDefault(m.Key))))
            .OrderByDescending(m => m.Cost)
            .ThenBy(m => m.Model, StringComparer.Ordinal)
            .ToList();

        var started = Shapes(details).Values.Sum();
        var conversationTokens = ByLabel(details, Metric.ConversationTokens);
        var conversationCosts = ByLabel(details, Metric.ConversationCostMicros);
        var spentTokens = conversationTokens.Values.Sum();
        var spent = Money(conversationCosts.Values.Sum());
        var resolved = details.Counts(Metric.Resolved).ToList();
        var aiResolutions = resolved.Where(r => IsAi(r.Label)).Sum(r => r.Count);
        var humanResolutions = resolved.Where(r => IsHuman(r.Label)).Sum(r => r.Count);
        var aiCost = Money(conversationCosts.GetValueOrDefault(Segments.Ai));
        var humanCost = Money(conversationCosts.GetValueOrDefault(Segments.Human));
        var humanHandleMillis = ByLabel(details, Metric.HandleMillis).GetValueOrDefault(Segments.Human);
        decimal? agentCost = settings.AgentCostPerHour is { } perHour ? humanHandleMillis / 3_600_000m * perHour : null;
        decimal? costSaved = settings.CostPerHumanConversation is { } perConversation ? aiResolutions * perConversation : null;

        var spendToDate = Money(month.Counts(Metric.ModelCostMicros).Sum(c => c.Count));
        var elapsed = (now - monthStart).Ticks;
        var projected = elapsed <= 0 ? spendToDate : spendToDate * (nextMonth - monthStart).Ticks / elapsed;

        return new CostsReport(
            period.Name, period.From, period.To, settings.Currency, models,
            new ConversationSpend(
                started, spentTokens, spent,
                started == 0 ? null : (double)spentTokens / started,
                started == 0 ? null : spent / started),
            new AiResolutionCost(aiResolutions, aiCost, aiResolutions == 0 ? null : aiCost / aiResolutions),
            new HumanResolutionCost(
                humanResolutions, humanCost, humanHandleMillis / 3_600_000.0, agentCost,
                humanResolutions == 0 || agentCost is null ? null : (humanCost + agentCost.Value) / humanResolutions),
            new AutomationSavings(aiResolutions, started, started == 0 ? 0 : (double)aiResolutions / started, costSaved, costSaved - aiCost),
            new BudgetStatus(monthStart, spendToDate, projected, settings.MonthlyBudget, settings.MonthlyBudget is { } budget ? projected > budget : null));
    }

    /// <param name="idleBefore">For abandonment: open unresolved conversations come folded into 1 (idle since before it) or 0.</param>
    private static async Task<DetailTotals> PeriodDetailsAsync(
        IGrainFactory grains, string tenantId, ResolvedPeriod period, MetricSet metrics, long? idleBefore = null)
    {
        await CaughtUpAsync(grains, tenantId);
        var aggregator = grains.GetGrain<ITenantAggregatorGrain>(tenantId);
        HourRange[] range = [new HourRange(period.From, period.To)];
        var states = idleBefore is { } cutoff ? await aggregator.GetDetails(range, metrics, cutoff) : await aggregator.GetDetails(range, metrics);
        return DetailTotals.FromState(states[0]);
    }

    private static bool IsAi(string? segment) => segment is Segments.Ai or Segments.AiTransferred;

    private static bool IsHuman(string? segment) => segment is Segments.Human or Segments.HumanTransferred;

    private static bool IsTransferred(string? segment) => segment is Segments.AiTransferred or Segments.HumanTransferred;

    private static RateFigure Rate(long count, long of) => new(count, of, of == 0 ? 0 : (double)count / of);

    private static decimal Money(long micros) => micros / 1_000_000m;

    private static Dictionary<string, long> ByLabel(DetailTotals details, Metric metric)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (label, _, count) in details.Counts(metric))
        {
            sums[label ?? string.Empty] = sums.GetValueOrDefault(label ?? string.Empty) + count;
        }

        return sums;
    }

    private static Dictionary<ConversationShape, long> Shapes(DetailTotals details)
    {
        var shapes = new Dictionary<ConversationShape, long>();
        foreach (var (_, value, count) in details.Counts(Metric.Shape))
        {
            shapes[(ConversationShape)value] = shapes.GetValueOrDefault((ConversationShape)value) + count;
        }

        return shapes;
    }

    /// <summary>
    /// An open conversation without a resolution is abandoned when its latest event is before this instant (UTC ticks): the
    /// start of the tenant's current local hour minus the tenant's limit, so it is decided on the hour.
    /// </summary>
    private static long IdleCutoff(DateTimeOffset now, TimeZoneInfo zone, AnalyticsSettings settings) =>
        TenantCalendar.BucketStart(now, BucketInterval.Hour, zone).UtcTicks - (settings.AbandonAfterHours * TimeSpan.TicksPerHour);

    private static CsatFigures Csat(List<(string? Label, long Value, long Count)> scores, Func<string?, bool> segment)
    {
        var chosen = scores.Where(s => segment(s.Label)).ToList();
        var responses = chosen.Sum(s => s.Count);
        return responses == 0
            ? new CsatFigures(0, null, null)
            : new CsatFigures(responses, (double)chosen.Sum(s => s.Value * s.Count) / responses, (double)chosen.Where(s => s.Value >= 4).Sum(s => s.Count) / responses);
    }

    private static NpsFigures Nps(List<(string? Label, long Value, long Count)> answers, Func<string?, bool> segment)
    {
        var chosen = answers.Where(a => segment(a.Label)).ToList();
        var responses = chosen.Sum(a => a.Count);
        var promoters = chosen.Where(a => a.Value >= 9).Sum(a => a.Count);
        var detractors = chosen.Where(a => a.Value <= 6).Sum(a => a.Count);
        return new NpsFigures(
            responses, promoters, responses - promoters - detractors, detractors,
            responses == 0 ? null : 100.0 * (promoters - detractors) / responses);
    }

    private static DurationSummary Seconds(LogHistogram histogram) => Summary(histogram, 1000);

    /// <summary>The histogram's figures in milliseconds divided by <paramref name="unit"/>.</summary>
    private static DurationSummary Summary(LogHistogram histogram, double unit) => new(
        histogram.Count,
        histogram.MeanMillis / unit,
        histogram.Percentile(50) / unit,
        histogram.Percentile(90) / unit,
        histogram.Percentile(95) / unit,
        histogram.Percentile(99) / unit);
}
