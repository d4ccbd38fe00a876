using System.Globalization;
using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Queries;
using ContactOS.Simulation.Oracle;

namespace ContactOS.Testing.Analytics;

/// <summary>
/// Compares the served agent figures (leaderboard, an agent's day, heatmap) with the oracle's, every field, and lists each
/// disagreement with where it is. Counts, status times and means are exact; percentiles within the histograms' 1 %.
/// </summary>
public sealed class AgentFigureDifferences
{
    private const double Tolerance = 1e-9;

    private readonly List<string> _differences = [];

    public IReadOnlyList<string> All => _differences;

    public int Compared { get; private set; }

    public void Leaderboard(string where, ExpectedAgentLeaderboard expected, AgentLeaderboardReport actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Sort == AgentSort.HandleTime)
        {
            // The served p50 is within 1 % of the exact one, so agents closer than that may swap places: the order must follow
            // the served values, and the agents be the same.
            Same($"{where} agents", string.Join(",", expected.Agents.Select(a => a.AgentId).Order(StringComparer.Ordinal)),
                string.Join(",", actual.Agents.Select(a => a.AgentId).Order(StringComparer.Ordinal)));
            var p50s = actual.Agents.Select(a => a.HandleTime.P50 ?? double.MaxValue).ToList();
            Record($"{where} order by served p50", p50s.SequenceEqual(p50s.Order()), "ascending", string.Join(",", p50s));
        }
        else
        {
            Same($"{where} order", string.Join(",", expected.Agents.Select(a => a.AgentId)), string.Join(",", actual.Agents.Select(a => a.AgentId)));
        }

        var served = actual.Agents.ToDictionary(a => a.AgentId, StringComparer.Ordinal);
        foreach (var agent in expected.Agents)
        {
            if (served.GetValueOrDefault(agent.AgentId) is not { } row)
            {
                continue;
            }

            var what = $"{where} {agent.AgentId}";
            Same($"{what} displayName", agent.DisplayName, row.DisplayName);
            Whole($"{what} handled", agent.Handled, row.Handled);
            Whole($"{what} resolutions", agent.Resolutions, row.Resolutions);
            Whole($"{what} handleTime count", agent.HandleTime.Count, row.HandleTime.Count);
            Real($"{what} handleTime mean", agent.HandleTime.Mean, row.HandleTime.Mean);
            Percentile($"{what} handleTime p50", agent.HandleTime.P50, row.HandleTime.P50);
            Percentile($"{what} handleTime p90", agent.HandleTime.P90, row.HandleTime.P90);
            Percentile($"{what} handleTime p95", agent.HandleTime.P95, row.HandleTime.P95);
            Percentile($"{what} handleTime p99", agent.HandleTime.P99, row.HandleTime.P99);
            Whole($"{what} csat responses", agent.CsatResponses, row.Csat.Responses);
            Real($"{what} csat mean", agent.CsatMean, row.Csat.Mean);
            Real($"{what} onlineSeconds", agent.OnlineSeconds, row.OnlineSeconds);
            Real($"{what} busySeconds", agent.BusySeconds, row.BusySeconds);
            Real($"{what} occupancy", agent.Occupancy, row.Occupancy);
            Real($"{what} utilization", agent.Utilization, row.Utilization);
        }
    }

    public void Activity(string where, TimeZoneInfo zone, ExpectedAgentActivity? expected, AgentActivityReport? actual)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Same($"{where} found", expected is not null, actual is not null) || expected is null || actual is null)
        {
            return;
        }

        Same($"{where} displayName", expected.DisplayName, actual.DisplayName);
        Same($"{where} intervals",
            string.Join(" ", expected.Intervals.Select(i => $"{i.Status}[{i.From.UtcTicks},{i.To.UtcTicks})")),
            string.Join(" ", actual.Intervals.Select(i => $"{i.Status}[{i.From.UtcTicks},{i.To.UtcTicks})")));
        Same($"{where} times in the tenant's zone", true,
            actual.Intervals.All(i => i.From.Offset == zone.GetUtcOffset(i.From) && i.To.Offset == zone.GetUtcOffset(i.To)));
        if (Whole($"{where} totals", expected.Totals.Count, actual.Totals.Count))
        {
            for (var i = 0; i < expected.Totals.Count; i++)
            {
                Same($"{where} totals [{i}] status", expected.Totals[i].Key, actual.Totals[i].Status);
                Real($"{where} totals {expected.Totals[i].Key}", expected.Totals[i].Value, actual.Totals[i].Seconds);
            }
        }
    }

    public void Heatmap(string where, IReadOnlyList<ExpectedHeatmapCell> expected, HeatmapReport actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (!Whole($"{where} cells", expected.Count, actual.Cells.Count))
        {
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var (cell, served) = (expected[i], actual.Cells[i]);
            var what = $"{where} {cell.Weekday} {cell.Hour:00}";
            Same($"{what} cell", (cell.Weekday, cell.Hour), (served.Weekday, served.Hour));
            Whole($"{what} conversations", cell.Conversations, served.Conversations);
            Real($"{what} occupancy", cell.Occupancy, served.Occupancy);
        }
    }

    private void Percentile(string what, double? expected, double? actual)
    {
        var equal = expected is null || actual is null
            ? expected == actual
            : Math.Abs(expected.Value - actual.Value) <= (LogHistogram.RelativeAccuracy * expected.Value) + 0.0005;
        Record(what, equal, expected, actual);
    }

    private bool Whole(string what, long expected, long actual) => Record(what, expected == actual, expected, actual);

    private bool Same<T>(string what, T expected, T actual) => Record(what, EqualityComparer<T>.Default.Equals(expected, actual), expected, actual);

    private bool Real(string what, double? expected, double? actual)
    {
        var equal = expected is null || actual is null
            ? expected == actual
            : Math.Abs(expected.Value - actual.Value) <= Tolerance * Math.Max(1, Math.Abs(expected.Value));
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
