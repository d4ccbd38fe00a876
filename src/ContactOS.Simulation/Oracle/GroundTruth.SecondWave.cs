using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;

namespace ContactOS.Simulation.Oracle;

// The second wave of docs/analytics.md: times, quality, NLU and tools, costs. Every figure but model spend and the
// budget goes by the cohort rule (the conversations started in the period).
public sealed partial class GroundTruth
{
    private const double MillisecondsPerSecond = 1000;
    private const decimal MillisecondsPerHour = 3_600_000m;

    public ExpectedResponseTimes ResponseTimes(string tenantId, ResolvedPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var started = StartedIn(Facts(tenantId), period.From, period.To).Select(c => c.SecondWave).ToList();
        return new ExpectedResponseTimes(
            NearestRank.Summarize(started.Select(c => c.FirstResponseMs).OfType<long>(), MillisecondsPerSecond),
            NearestRank.Summarize(started.Select(c => c.HumanFirstResponseMs).OfType<long>(), MillisecondsPerSecond),
            NearestRank.Summarize(started.Select(c => c.HandleMs).OfType<long>(), MillisecondsPerSecond),
            NearestRank.Summarize(started.Select(c => c.ResolutionMs).OfType<long>(), MillisecondsPerSecond));
    }

    public ExpectedQuality Quality(string tenantId, ResolvedPeriod period, DateTimeOffset now, AnalyticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(settings);
        var started = StartedIn(Facts(tenantId), period.From, period.To);
        var ai = started.Where(c => c.Resolution == Resolution.Ai).ToList();
        var human = started.Where(c => c.Resolution == Resolution.Human).ToList();
        var resolved = started.Where(c => c.Resolution != Resolution.None).ToList();
        var reopenWindow = Hours(settings.ReopenWindowHours);
        var idleBefore = IdleBefore(tenantId, now, settings);

        ExpectedSegments<T> BySegment<T>(Func<List<ConversationFacts>, T> figure, List<ConversationFacts> all) => new(figure(ai), figure(human), figure(all));
        ExpectedRate Reopened(List<ConversationFacts> of) => ExpectedRate.Fraction(of.Count(c => c.SecondWave.IsReopened(reopenWindow)), of.Count);
        ExpectedRate FirstContact(List<ConversationFacts> of) =>
            ExpectedRate.Fraction(of.Count(c => !c.SecondWave.IsReopened(reopenWindow) && !c.SecondWave.IsTransferred), of.Count);
        ExpectedRate Answered(List<ConversationFacts> of)
        {
            var ended = of.Where(c => c.SecondWave.HasEnded).ToList();
            return ExpectedRate.Fraction(ended.Count(c => c.SecondWave.HasFeedback), ended.Count);
        }

        ExpectedRate Abandoned(IEnumerable<ConversationFacts> of)
        {
            var list = of.ToList();
            return ExpectedRate.Fraction(list.Count(c => c.SecondWave.IsAbandoned(idleBefore)), list.Count);
        }

        var withAgent = started.Where(c => c.SecondWave.DistinctAgents > 0).ToList();
        return new ExpectedQuality(
            settings.ReopenWindowHours,
            settings.AbandonAfterHours,
            BySegment(Csat, started),
            BySegment(Nps, started),
            BySegment(Answered, started),
            BySegment(Reopened, resolved),
            BySegment(FirstContact, resolved),
            new ExpectedTransferRates(
                ExpectedRate.Fraction(started.Count(c => c.SecondWave.IsHandedOff), started.Count),
                ExpectedRate.Fraction(withAgent.Count(c => c.SecondWave.IsTransferred), withAgent.Count)),
            new ExpectedSegments<ExpectedRate>(
                Abandoned(started.Where(c => !c.SecondWave.IsHandedOff)),
                Abandoned(started.Where(c => c.SecondWave.IsHandedOff)),
                Abandoned(started)));
    }

    public ExpectedIntents Intents(string tenantId, ResolvedPeriod period, AnalyticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(settings);
        var started = StartedIn(Facts(tenantId), period.From, period.To);
        var detections = started.SelectMany(c => c.SecondWave.Detections).ToList();
        var conversationsWith = started
            .SelectMany(c => c.SecondWave.Detections.Select(d => d.Intent).Distinct(StringComparer.Ordinal))
            .CountBy(intent => intent, StringComparer.Ordinal)
            .ToDictionary(StringComparer.Ordinal);

        var intents = detections
            .GroupBy(d => d.Intent, StringComparer.Ordinal)
            .Select(g =>
            {
                var confidences = g.Where(d => d.Confidence is not null).Select(d => ConfidenceMicros(d.Confidence!.Value)).ToList();
                return new ExpectedIntent(
                    g.Key,
                    conversationsWith[g.Key],
                    g.Count(),
                    confidences.Count == 0 ? null : (double)(confidences.Sum() / (decimal)confidences.Count / 1_000_000m));
            })
            .OrderByDescending(i => i.Conversations)
            .ThenBy(i => i.Intent, StringComparer.Ordinal)
            .ToList();

        var confident = detections.Where(d => d.Confidence is not null).Select(d => (decimal)d.Confidence!.Value).ToList();
        var histogram = Enumerable.Range(0, 10)
            .Select(bin => new ExpectedConfidenceBin(bin / 10.0, (bin + 1) / 10.0, confident.Count(c => ConfidenceBin(c) == bin)))
            .ToList();
        var threshold = Math.Round((decimal)settings.LowConfidenceThreshold * 100, MidpointRounding.AwayFromZero);
        var fallbackIntents = settings.FallbackIntents.ToHashSet(StringComparer.Ordinal);

        return new ExpectedIntents(
            detections.Count,
            intents,
            histogram,
            settings.LowConfidenceThreshold,
            ExpectedRate.Fraction(confident.Count(c => Math.Floor(c * 100) < threshold), confident.Count),
            settings.FallbackIntents,
            ExpectedRate.Fraction(detections.Count(d => fallbackIntents.Contains(d.Intent)), detections.Count));
    }

    public ExpectedTools Tools(string tenantId, ResolvedPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var tools = StartedIn(Facts(tenantId), period.From, period.To)
            .SelectMany(c => c.SecondWave.ToolCalls)
            .GroupBy(call => call.Tool, StringComparer.Ordinal)
            .Select(g =>
            {
                long succeeded = g.Count(call => call.Success == true), failed = g.Count(call => call.Success == false);
                return new ExpectedTool(
                    g.Key,
                    g.Count(),
                    succeeded,
                    failed,
                    succeeded + failed == 0 ? null : (double)succeeded / (succeeded + failed),
                    NearestRank.Summarize(g.Select(call => call.LatencyMs).OfType<int>().Select(ms => (long)ms), 1));
            })
            .OrderByDescending(t => t.Calls)
            .ThenBy(t => t.Tool, StringComparer.Ordinal)
            .ToList();
        return new ExpectedTools(tools);
    }

    public ExpectedDropOff DropOff(string tenantId, ResolvedPeriod period, DateTimeOffset now, AnalyticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(settings);
        var started = StartedIn(Facts(tenantId), period.From, period.To);
        var idleBefore = IdleBefore(tenantId, now, settings);
        var abandoned = started.Where(c => c.SecondWave.IsAbandoned(idleBefore)).ToList();
        var byLastIntent = abandoned
            .GroupBy(c => c.SecondWave.LastIntent ?? ExpectedDropOff.NoIntent, StringComparer.Ordinal)
            .Select(g => new ExpectedCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return new ExpectedDropOff(started.Count, abandoned.Count, byLastIntent);
    }

    public ExpectedCosts Costs(string tenantId, ResolvedPeriod period, DateTimeOffset now, AnalyticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(settings);
        var facts = Facts(tenantId);
        var started = StartedIn(facts, period.From, period.To);

        var models = SpendIn(facts, period.From, period.To)
            .GroupBy(s => s.Model, StringComparer.Ordinal)
            .Select(g => new ExpectedModelSpend(g.Key, g.Count(), g.Sum(s => s.Tokens), Spend.Money(g.Sum(s => s.CostMicros))))
            .OrderByDescending(m => m.Cost)
            .ThenBy(m => m.Model, StringComparer.Ordinal)
            .ToList();

        var tokens = started.Sum(c => c.SecondWave.Tokens);
        var cost = Spend.Money(started.Sum(c => c.SecondWave.CostMicros));
        var perConversation = new ExpectedConversationSpend(
            started.Count,
            tokens,
            cost,
            started.Count == 0 ? null : (double)tokens / started.Count,
            started.Count == 0 ? null : cost / started.Count);

        var ai = started.Where(c => c.Resolution == Resolution.Ai).ToList();
        var aiCost = Spend.Money(ai.Sum(c => c.SecondWave.CostMicros));
        var aiResolution = new ExpectedAiResolutionCost(ai.Count, aiCost, ai.Count == 0 ? null : aiCost / ai.Count);

        var human = started.Where(c => c.Resolution == Resolution.Human).ToList();
        var humanCost = Spend.Money(human.Sum(c => c.SecondWave.CostMicros));
        var handleMs = human.Sum(c => c.SecondWave.HandleMs ?? 0);
        var agentCost = handleMs * settings.AgentCostPerHour / MillisecondsPerHour;
        var humanResolution = new ExpectedHumanResolutionCost(
            human.Count,
            humanCost,
            handleMs / (double)MillisecondsPerHour,
            agentCost,
            human.Count == 0 ? null : (humanCost + agentCost) / human.Count);

        var automation = new ExpectedAutomation(
            ai.Count,
            started.Count,
            started.Count == 0 ? 0 : (double)ai.Count / started.Count,
            ai.Count * settings.CostPerHumanConversation,
            (ai.Count * settings.CostPerHumanConversation) - aiCost);

        return new ExpectedCosts(settings.Currency, models, perConversation, aiResolution, humanResolution, automation, Budget(tenantId, now, settings));
    }

    private ExpectedBudget Budget(string tenantId, DateTimeOffset now, AnalyticsSettings settings)
    {
        var zone = _zoneOf(tenantId);
        var today = TenantCalendar.LocalDate(now, zone);
        var firstDay = new DateOnly(today.Year, today.Month, 1);
        var monthStart = TenantCalendar.StartOfDay(firstDay, zone);
        var monthEnd = TenantCalendar.StartOfDay(firstDay.AddMonths(1), zone);

        var spend = Spend.Money(SpendIn(Facts(tenantId), monthStart, monthEnd).Sum(s => s.CostMicros));
        var elapsed = (now - monthStart).Ticks;
        var projected = elapsed <= 0 ? spend : spend * (monthEnd - monthStart).Ticks / elapsed;
        return new ExpectedBudget(monthStart, spend, projected, settings.MonthlyBudget, settings.MonthlyBudget is { } budget ? projected > budget : null);
    }

    private static IEnumerable<Spend> SpendIn(TenantFacts facts, DateTimeOffset from, DateTimeOffset to) =>
        facts.Conversations.SelectMany(c => c.SecondWave.Spending).Where(s => s.Timestamp >= from && s.Timestamp < to);

    private static ExpectedCsat Csat(List<ConversationFacts> conversations)
    {
        var answers = conversations.Select(c => c.SecondWave.Csat).OfType<int>().ToList();
        return answers.Count == 0
            ? new ExpectedCsat(0, null, null)
            : new ExpectedCsat(answers.Count, answers.Average(), (double)answers.Count(a => a >= 4) / answers.Count);
    }

    private static ExpectedNps Nps(List<ConversationFacts> conversations)
    {
        var answers = conversations.Select(c => c.SecondWave.Nps).OfType<int>().ToList();
        long promoters = answers.Count(a => a >= 9), detractors = answers.Count(a => a <= 6);
        return new ExpectedNps(
            answers.Count,
            promoters,
            answers.Count(a => a is 7 or 8),
            detractors,
            answers.Count == 0 ? null : 100.0 * (promoters - detractors) / answers.Count);
    }

    private static TimeSpan Hours(double hours) => TimeSpan.FromTicks((long)Math.Round(hours * TimeSpan.TicksPerHour));

    /// <summary>Abandonment is decided on the hour: idle since before the start of the tenant's current local hour minus the limit.</summary>
    private DateTimeOffset IdleBefore(string tenantId, DateTimeOffset now, AnalyticsSettings settings)
    {
        var zone = _zoneOf(tenantId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var hourStart = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        return hourStart - Hours(settings.AbandonAfterHours);
    }

    private static long ConfidenceMicros(double confidence) => (long)Math.Round((decimal)confidence * 1_000_000m, MidpointRounding.AwayFromZero);

    private static int ConfidenceBin(decimal confidence) => (int)Math.Clamp(Math.Floor(confidence * 10), 0, 9);
}
