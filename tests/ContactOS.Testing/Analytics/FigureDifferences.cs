using System.Globalization;
using ContactOS.Analytics.Periods;
using ContactOS.Simulation.Oracle;

namespace ContactOS.Testing.Analytics;

/// <summary>
/// Compares the served figures with the oracle's, every field, and lists each disagreement with where it is, so a
/// failure says which tenant, period, figure and bucket differ instead of stopping at the first one.
/// </summary>
public sealed class FigureDifferences
{
    private const double Tolerance = 1e-9;

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
