using System.Globalization;
using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;
using ContactOS.Simulation.Oracle;

namespace ContactOS.Testing.Analytics;

/// <summary>
/// Compares the served figures with the oracle's, every field, and lists each disagreement with where it is, so a
/// failure says which tenant, period, figure and bucket differ instead of stopping at the first one.
/// </summary>
public sealed partial class FigureDifferences
{
    private const double Tolerance = 1e-9;

    // docs/analytics.md: a served percentile is within 1 % (relative) of the exact nearest-rank value.
    private const double PercentileTolerance = 0.01;

    private const decimal MoneyTolerance = 1e-9m;

    private readonly List<string> _differences = [];

    public IReadOnlyList<string> All => _differences;

    public int Compared { get; private set; }

    public void Compare(string where, GroundTruth oracle, string tenantId, ResolvedPeriod period, DateTimeOffset now, ServedFigures engine)
    {
        var kpis = oracle.Kpis(tenantId, period, now);
        Real($"{where} aiResolutionRate", kpis.AiResolutionRate, engine.Kpis.AiResolutionRate);
        Real($"{where} previous aiResolutionRate", kpis.PreviousAiResolutionRate, engine.Kpis.PreviousAiResolutionRate);
        Whole($"{where} totalConversations", kpis.TotalConversations, engine.Kpis.TotalConversations);
        Whole($"{where} previous totalConversations", kpis.PreviousTotalConversations, engine.Kpis.PreviousTotalConversations);
        Whole($"{where} pending", kpis.Pending, engine.Kpis.Pending);
        Whole($"{where} closedToday", kpis.ClosedToday, engine.Kpis.ClosedToday);
        Whole($"{where} previous closedToday", kpis.PreviousClosedToday, engine.Kpis.PreviousClosedToday);
        Whole($"{where} active", kpis.Active, engine.Kpis.Active);
        Real($"{where} satisfaction", kpis.Satisfaction, engine.Kpis.Satisfaction);
        Real($"{where} previous satisfaction", kpis.PreviousSatisfaction, engine.Kpis.PreviousSatisfaction);

        var split = oracle.ResolutionSplit(tenantId, period);
        Whole($"{where} resolution-split ai", split.Ai, engine.ResolutionSplit.Ai);
        Whole($"{where} resolution-split human", split.Human, engine.ResolutionSplit.Human);
        Real($"{where} resolution-split aiShare", split.AiShare, engine.ResolutionSplit.AiShare);
        Real($"{where} resolution-split humanShare", split.HumanShare, engine.ResolutionSplit.HumanShare);

        Counts($"{where} handoff-reasons", oracle.HandoffReasons(tenantId, period).Reasons, engine.HandoffReasons.Reasons);
        Counts($"{where} top-intents", oracle.TopIntents(tenantId, period).Intents, engine.TopIntents.Intents);

        var volume = oracle.Volume(tenantId, period).Buckets;
        if (Whole($"{where} volume bucket count", volume.Count, engine.Volume.Buckets.Count))
        {
            for (var i = 0; i < volume.Count; i++)
            {
                var (expected, actual) = (volume[i], engine.Volume.Buckets[i]);
                var bucket = $"{where} volume {expected.Start:O}";
                Same($"{bucket} start", expected.Start, actual.Start);
                Whole($"{bucket} aiResolved", expected.AiResolved, actual.AiResolved);
                Whole($"{bucket} humanResolved", expected.HumanResolved, actual.HumanResolved);
            }
        }

        var trend = oracle.SentimentTrend(tenantId, period).Buckets;
        if (Whole($"{where} sentiment-trend bucket count", trend.Count, engine.SentimentTrend.Buckets.Count))
        {
            for (var i = 0; i < trend.Count; i++)
            {
                var (expected, actual) = (trend[i], engine.SentimentTrend.Buckets[i]);
                var bucket = $"{where} sentiment-trend {expected.Start:O}";
                Same($"{bucket} start", expected.Start, actual.Start);
                Real($"{bucket} ai", expected.Ai, actual.Ai);
                Real($"{bucket} human", expected.Human, actual.Human);
            }
        }

        Agents($"{where} agents", oracle.Agents(tenantId).Agents, engine.Agents.Agents);
        var insights = oracle.InsightInputs(tenantId, period);
        Rules($"{where} insights positive", insights.Positive, engine.Positive);
        Rules($"{where} insights attention", insights.Attention, engine.Attention);
    }

    /// <summary>
    /// Compares the second-wave figures: counts and means exactly (to <see cref="Tolerance"/>), percentiles within 1 %
    /// of the oracle's exact value, money to <see cref="MoneyTolerance"/>.
    /// </summary>
    /// <param name="clockSkew">
    /// How far the server's clock may be from <paramref name="now"/> when it answered over HTTP: the month-end projection,
    /// which divides by the time elapsed in the month, is then compared within the relative error that makes.
    /// </param>
    public void CompareSecondWave(
        string where, GroundTruth oracle, string tenantId, ResolvedPeriod period, DateTimeOffset now, AnalyticsSettings settings, SecondWaveFigures served,
        TimeSpan clockSkew = default)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentNullException.ThrowIfNull(served);

        var times = oracle.ResponseTimes(tenantId, period);
        Duration($"{where} response-times firstResponse", times.FirstResponse, served.ResponseTimes.FirstResponse);
        Duration($"{where} response-times humanFirstResponse", times.HumanFirstResponse, served.ResponseTimes.HumanFirstResponse);
        Duration($"{where} response-times handleTime", times.HandleTime, served.ResponseTimes.HandleTime);
        Duration($"{where} response-times resolutionTime", times.ResolutionTime, served.ResponseTimes.ResolutionTime);

        var quality = oracle.Quality(tenantId, period, now, settings);
        var q = served.Quality;
        Real($"{where} quality reopenWindowHours", quality.ReopenWindowHours, q.ReopenWindowHours);
        Real($"{where} quality abandonAfterHours", quality.AbandonAfterHours, q.AbandonAfterHours);
        Segments($"{where} quality csat", quality.Csat, q.Csat, (what, e, a) =>
        {
            Whole($"{what} responses", e.Responses, a.Responses);
            Real($"{what} mean", e.Mean, a.Mean);
            Real($"{what} satisfiedShare", e.SatisfiedShare, a.SatisfiedShare);
        });
        Segments($"{where} quality nps", quality.Nps, q.Nps, (what, e, a) =>
        {
            Whole($"{what} responses", e.Responses, a.Responses);
            Whole($"{what} promoters", e.Promoters, a.Promoters);
            Whole($"{what} passives", e.Passives, a.Passives);
            Whole($"{what} detractors", e.Detractors, a.Detractors);
            Real($"{what} score", e.Score, a.Score);
        });
        Segments($"{where} quality feedbackResponseRate", quality.FeedbackResponseRate, q.FeedbackResponseRate, Rate);
        Segments($"{where} quality reopenRate", quality.ReopenRate, q.ReopenRate, Rate);
        Segments($"{where} quality firstContactResolution", quality.FirstContactResolution, q.FirstContactResolution, Rate);
        Rate($"{where} quality transferRate ai", quality.TransferRate.Ai, q.TransferRate.Ai);
        Rate($"{where} quality transferRate human", quality.TransferRate.Human, q.TransferRate.Human);
        Segments($"{where} quality abandonment", quality.Abandonment, q.Abandonment, Rate);

        var intents = oracle.Intents(tenantId, period, settings);
        var i = served.Intents;
        Whole($"{where} intents detections", intents.Detections, i.Detections);
        Entries($"{where} intents", intents.Intents, i.Intents, e => e.Intent, (what, e, a) =>
        {
            Same($"{what} intent", e.Intent, a.Intent);
            Whole($"{what} conversations", e.Conversations, a.Conversations);
            Whole($"{what} detections", e.Detections, a.Detections);
            Real($"{what} meanConfidence", e.MeanConfidence, a.MeanConfidence);
        });
        Entries($"{where} intents histogram", intents.Histogram, i.Histogram, e => $"[{e.From}, {e.To})", (what, e, a) =>
        {
            Real($"{what} from", e.From, a.From);
            Real($"{what} to", e.To, a.To);
            Whole($"{what} detections", e.Detections, a.Detections);
        });
        Real($"{where} intents lowConfidenceThreshold", intents.LowConfidenceThreshold, i.LowConfidenceThreshold);
        Rate($"{where} intents lowConfidence", intents.LowConfidence, i.LowConfidence);
        Same($"{where} intents fallbackIntents", string.Join(", ", intents.FallbackIntents), string.Join(", ", i.FallbackIntents));
        Rate($"{where} intents fallback", intents.Fallback, i.Fallback);

        Entries($"{where} tools", oracle.Tools(tenantId, period).Tools, served.Tools.Tools, e => e.Tool, (what, e, a) =>
        {
            Same($"{what} tool", e.Tool, a.Tool);
            Whole($"{what} calls", e.Calls, a.Calls);
            Whole($"{what} succeeded", e.Succeeded, a.Succeeded);
            Whole($"{what} failed", e.Failed, a.Failed);
            Real($"{what} successRate", e.SuccessRate, a.SuccessRate);
            Duration($"{what} latencyMs", e.LatencyMs, a.LatencyMs);
        });

        var dropOff = oracle.DropOff(tenantId, period, now, settings);
        Whole($"{where} drop-off started", dropOff.Started, served.DropOff.Started);
        Whole($"{where} drop-off abandoned", dropOff.Abandoned, served.DropOff.Abandoned);
        Counts($"{where} drop-off byLastIntent", dropOff.ByLastIntent, served.DropOff.ByLastIntent);

        var costs = oracle.Costs(tenantId, period, now, settings);
        var c = served.Costs;
        Same($"{where} costs currency", costs.Currency, c.Currency);
        Entries($"{where} costs models", costs.Models, c.Models, e => e.Model, (what, e, a) =>
        {
            Same($"{what} model", e.Model, a.Model);
            Whole($"{what} messages", e.Messages, a.Messages);
            Whole($"{what} tokens", e.Tokens, a.Tokens);
            Money($"{what} cost", e.Cost, a.Cost);
        });
        Whole($"{where} costs perConversation conversations", costs.PerConversation.Conversations, c.PerConversation.Conversations);
        Whole($"{where} costs perConversation tokens", costs.PerConversation.Tokens, c.PerConversation.Tokens);
        Money($"{where} costs perConversation cost", costs.PerConversation.Cost, c.PerConversation.Cost);
        Real($"{where} costs perConversation meanTokens", costs.PerConversation.MeanTokens, c.PerConversation.MeanTokens);
        Money($"{where} costs perConversation meanCost", costs.PerConversation.MeanCost, c.PerConversation.MeanCost);
        Whole($"{where} costs aiResolution resolutions", costs.AiResolution.Resolutions, c.AiResolution.Resolutions);
        Money($"{where} costs aiResolution cost", costs.AiResolution.Cost, c.AiResolution.Cost);
        Money($"{where} costs aiResolution costPerResolution", costs.AiResolution.CostPerResolution, c.AiResolution.CostPerResolution);
        Whole($"{where} costs humanResolution resolutions", costs.HumanResolution.Resolutions, c.HumanResolution.Resolutions);
        Money($"{where} costs humanResolution cost", costs.HumanResolution.Cost, c.HumanResolution.Cost);
        Real($"{where} costs humanResolution handleHours", costs.HumanResolution.HandleHours, c.HumanResolution.HandleHours);
        Money($"{where} costs humanResolution agentCost", costs.HumanResolution.AgentCost, c.HumanResolution.AgentCost);
        Money($"{where} costs humanResolution costPerResolution", costs.HumanResolution.CostPerResolution, c.HumanResolution.CostPerResolution);
        Whole($"{where} costs automation automated", costs.Automation.Automated, c.Automation.Automated);
        Whole($"{where} costs automation started", costs.Automation.Started, c.Automation.Started);
        Real($"{where} costs automation rate", costs.Automation.Rate, c.Automation.Rate);
        Money($"{where} costs automation costSaved", costs.Automation.CostSaved, c.Automation.CostSaved);
        Money($"{where} costs automation netSaved", costs.Automation.NetSaved, c.Automation.NetSaved);
        Same($"{where} costs budget monthStart", costs.Budget.MonthStart, c.Budget.MonthStart);
        Money($"{where} costs budget spendToDate", costs.Budget.SpendToDate, c.Budget.SpendToDate);
        if (clockSkew == TimeSpan.Zero)
        {
            Money($"{where} costs budget projectedMonthEnd", costs.Budget.ProjectedMonthEnd, c.Budget.ProjectedMonthEnd);
        }
        else
        {
            var elapsed = (now - costs.Budget.MonthStart).Ticks;
            var relative = elapsed <= clockSkew.Ticks ? 1m : 2m * clockSkew.Ticks / elapsed;
            Record(
                $"{where} costs budget projectedMonthEnd (within {relative:P4})",
                Math.Abs(costs.Budget.ProjectedMonthEnd - c.Budget.ProjectedMonthEnd) <= (relative * costs.Budget.ProjectedMonthEnd) + 1e-9m,
                costs.Budget.ProjectedMonthEnd,
                c.Budget.ProjectedMonthEnd);
        }
        Money($"{where} costs budget monthlyBudget", costs.Budget.MonthlyBudget, c.Budget.MonthlyBudget);
        Same($"{where} costs budget overBudget", costs.Budget.OverBudget, c.Budget.OverBudget);
    }

    private void Duration(string what, ExpectedDuration expected, ExpectedDuration actual)
    {
        Whole($"{what} count", expected.Count, actual.Count);
        Real($"{what} mean", expected.Mean, actual.Mean);
        Percentile($"{what} p50", expected.P50, actual.P50);
        Percentile($"{what} p90", expected.P90, actual.P90);
        Percentile($"{what} p95", expected.P95, actual.P95);
        Percentile($"{what} p99", expected.P99, actual.P99);
    }

    private void Rate(string what, ExpectedRate expected, ExpectedRate actual)
    {
        Whole($"{what} count", expected.Count, actual.Count);
        Whole($"{what} of", expected.Of, actual.Of);
        Real($"{what} value", expected.Value, actual.Value);
    }

    private void Segments<T>(string what, ExpectedSegments<T> expected, ExpectedSegments<T> actual, Action<string, T, T> compare)
    {
        compare($"{what} ai", expected.Ai, actual.Ai);
        compare($"{what} human", expected.Human, actual.Human);
        compare($"{what} all", expected.All, actual.All);
    }

    private void Entries<T>(string what, IReadOnlyList<T> expected, IReadOnlyList<T> actual, Func<T, string> name, Action<string, T, T> compare)
    {
        if (!Whole($"{what} entries", expected.Count, actual.Count))
        {
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            compare($"{what} [{i}] {name(expected[i])}", expected[i], actual[i]);
        }
    }

    private bool Percentile(string what, double? expected, double? actual)
    {
        var equal = expected is null || actual is null
            ? expected == actual
            : Math.Abs(expected.Value - actual.Value) <= (PercentileTolerance * Math.Abs(expected.Value)) + Tolerance;
        return Record(what, equal, expected, actual);
    }

    private bool Money(string what, decimal? expected, decimal? actual)
    {
        var equal = expected is null || actual is null ? expected == actual : Math.Abs(expected.Value - actual.Value) <= MoneyTolerance;
        return Record(what, equal, expected, actual);
    }

    private void Agents(string what, IReadOnlyList<ExpectedAgent> expected, IReadOnlyList<ExpectedAgent> actual)
    {
        if (!Whole($"{what} entries", expected.Count, actual.Count))
        {
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            Same($"{what} [{i}]", expected[i], actual[i]);
        }
    }

    private void Rules(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        Same(what, string.Join(", ", expected), string.Join(", ", actual));

    private void Counts(string what, IReadOnlyList<ExpectedCount> expected, IReadOnlyList<ExpectedCount> actual)
    {
        if (!Whole($"{what} entries", expected.Count, actual.Count))
        {
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            Same($"{what} [{i}] name", expected[i].Name, actual[i].Name);
            Whole($"{what} [{i}] {expected[i].Name}", expected[i].Count, actual[i].Count);
        }
    }

    private bool Whole(string what, long expected, long actual) => Record(what, expected == actual, expected, actual);

    private bool Same<T>(string what, T expected, T actual) => Record(what, EqualityComparer<T>.Default.Equals(expected, actual), expected, actual);

    private bool Real(string what, double? expected, double? actual)
    {
        var equal = expected is null || actual is null ? expected == actual : Math.Abs(expected.Value - actual.Value) <= Tolerance;
        return Record(what, equal, expected, actual);
    }

    private bool Record(string what, bool equal, object? expected, object? actual)
    {
        Compared++;
        if (!equal)
        {
            _differences.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: oracle {expected ?? "null"}, engine {actual ?? "null"}"));
        }

        return equal;
    }
}
