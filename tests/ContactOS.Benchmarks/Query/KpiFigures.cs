using System.Globalization;
using System.Text.Json;

namespace ContactOS.Benchmarks.Query;

/// <summary>The six KPIs of docs/analytics.md for one period, with their previous-period values, from either side.</summary>
internal sealed record KpiFigures(
    long Total,
    long PreviousTotal,
    double AiResolutionRate,
    double PreviousAiResolutionRate,
    long Pending,
    long Active,
    long ClosedToday,
    long ClosedYesterday,
    double? Satisfaction,
    double? PreviousSatisfaction)
{
    /// <summary>Reads the body of <c>GET /api/v2/analytics/kpis</c>.</summary>
    public static KpiFigures FromApi(JsonElement report)
    {
        double? Value(string kpi, string part) =>
            report.GetProperty(kpi).GetProperty(part) is { ValueKind: JsonValueKind.Number } number ? number.GetDouble() : null;
        long Count(string kpi, string part) => (long)(Value(kpi, part) ?? double.NaN);

        return new KpiFigures(
            Count("totalConversations", "value"),
            Count("totalConversations", "previous"),
            Value("aiResolutionRate", "value") ?? double.NaN,
            Value("aiResolutionRate", "previous") ?? double.NaN,
            Count("pending", "value"),
            Count("active", "value"),
            Count("closedToday", "value"),
            Count("closedToday", "previous"),
            Value("satisfaction", "value"),
            Value("satisfaction", "previous"));
    }

    /// <summary>
    /// Where the two disagree, one line per figure; empty when they agree. Counts must match exactly; rates and means,
    /// computed in floating point on one side and in numeric on the other, to 1e-9.
    /// </summary>
    public IReadOnlyList<string> Differences(KpiFigures other)
    {
        var differences = new List<string>();
        void Compare(string name, double? mine, double? theirs)
        {
            var same = mine is null || theirs is null ? mine is null && theirs is null : Math.Abs(mine.Value - theirs.Value) <= 1e-9;
            if (!same)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: API {mine?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}, SQL {theirs?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}"));
            }
        }

        Compare("totalConversations", Total, other.Total);
        Compare("totalConversations.previous", PreviousTotal, other.PreviousTotal);
        Compare("aiResolutionRate", AiResolutionRate, other.AiResolutionRate);
        Compare("aiResolutionRate.previous", PreviousAiResolutionRate, other.PreviousAiResolutionRate);
        Compare("pending", Pending, other.Pending);
        Compare("active", Active, other.Active);
        Compare("closedToday", ClosedToday, other.ClosedToday);
        Compare("closedToday.previous", ClosedYesterday, other.ClosedYesterday);
        Compare("satisfaction", Satisfaction, other.Satisfaction);
        Compare("satisfaction.previous", PreviousSatisfaction, other.PreviousSatisfaction);
        return differences;
    }
}
