using System.Globalization;
using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Queries;
using ContactOS.Simulation.Oracle;

namespace ContactOS.Testing.Analytics;

/// <summary>
/// The agent figures (leaderboard, an agent's day, heatmap) against the oracle's, every field. Counts, status times and
/// means are exact (relative to their size, as status seconds run into the millions); percentiles within the
/// histograms' 1 %.
/// </summary>
public sealed partial class FigureDifferences
{
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
            Close($"{what} handleTime mean", agent.HandleTime.Mean, row.HandleTime.Mean);
            HandleTimePercentile($"{what} handleTime p50", agent.HandleTime.P50, row.HandleTime.P50);
            HandleTimePercentile($"{what} handleTime p90", agent.HandleTime.P90, row.HandleTime.P90);
            HandleTimePercentile($"{what} handleTime p95", agent.HandleTime.P95, row.HandleTime.P95);
            HandleTimePercentile($"{what} handleTime p99", agent.HandleTime.P99, row.HandleTime.P99);
            Whole($"{what} csat responses", agent.CsatResponses, row.Csat.Responses);
            Close($"{what} csat mean", agent.CsatMean, row.Csat.Mean);
            Close($"{what} onlineSeconds", agent.OnlineSeconds, row.OnlineSeconds);
            Close($"{what} busySeconds", agent.BusySeconds, row.BusySeconds);
            Close($"{what} occupancy", agent.Occupancy, row.Occupancy);
            Close($"{what} utilization", agent.Utilization, row.Utilization);
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
                Close($"{where} totals {expected.Totals[i].Key}", expected.Totals[i].Value, actual.Totals[i].Seconds);
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
            Close($"{what} occupancy", cell.Occupancy, served.Occupancy);
        }
    }

    // Handle times are sums of segments truncated to whole milliseconds once: half a millisecond more than the 1 %.
    private void HandleTimePercentile(string what, double? expected, double? actual)
    {
        var equal = expected is null || actual is null
            ? expected == actual
            : Math.Abs(expected.Value - actual.Value) <= (LogHistogram.RelativeAccuracy * expected.Value) + 0.0005;
        Record(what, equal, expected, actual);
    }

    private bool Close(string what, double? expected, double? actual)
    {
        var equal = expected is null || actual is null
            ? expected == actual
            : Math.Abs(expected.Value - actual.Value) <= Tolerance * Math.Max(1, Math.Abs(expected.Value));
        return Record(what, equal, expected, actual);
    }
}
