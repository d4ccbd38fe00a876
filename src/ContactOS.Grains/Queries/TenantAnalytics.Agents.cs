using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Agents;
using ContactOS.Grains.Tenants;

namespace ContactOS.Grains.Queries;

/// <summary>
/// The agent figures (docs/analytics.md, "Agents"): the aggregator holds the conversation figures and the closed status
/// intervals by hour; the roster's open interval (each agent's latest status, since its event) is added up to now.
/// </summary>
public static partial class TenantAnalytics
{
    private static readonly MetricSet s_agents = MetricSet.Of(
        Metric.AgentHandled, Metric.AgentResolutions, Metric.AgentHandleTime, Metric.AgentCsat, Metric.AgentStatusTicks, Metric.AgentStatusEvents);

    private static readonly string[] s_weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static async Task<AgentLeaderboardReport> AgentLeaderboardAsync(
        IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now, string sort)
    {
        if (!AgentSort.IsSupported(sort))
        {
            throw new ArgumentException($"'{sort}' is not an agent sort order.", nameof(sort));
        }

        await CaughtUpAsync(grains, tenantId);
        var detailsTask = grains.GetGrain<ITenantAggregatorGrain>(tenantId).GetDetails([new HourRange(period.From, period.To)], s_agents);
        var live = await grains.GetGrain<ITenantGrain>(tenantId).GetLive();
        var details = DetailTotals.FromState((await detailsTask)[0]);

        var until = period.To < now ? period.To : now;
        var elapsed = until - period.From;
        var statusTicks = new Dictionary<(string Agent, long Code), long>();
        foreach (var (agentId, code, ticks) in details.Counts(Metric.AgentStatusTicks))
        {
            statusTicks[(agentId!, code)] = statusTicks.GetValueOrDefault((agentId!, code)) + ticks;
        }

        foreach (var (agentId, code, from, to) in OpenIntervals(live, period.From, until))
        {
            statusTicks[(agentId, code)] = statusTicks.GetValueOrDefault((agentId, code)) + (to - from).Ticks;
        }

        var handled = ByLabel(details, Metric.AgentHandled);
        var resolutions = ByLabel(details, Metric.AgentResolutions);
        var csat = details.Counts(Metric.AgentCsat).ToLookup(c => c.Label!, StringComparer.Ordinal);
        var names = live.Agents.ToDictionary(a => a.AgentId, a => a.DisplayName, StringComparer.Ordinal);
        var listed = ByLabel(details, Metric.AgentStatusEvents).Keys.Concat(handled.Where(h => h.Value > 0).Select(h => h.Key)).Distinct(StringComparer.Ordinal);

        var rows = listed.Select(agentId =>
        {
            var online = statusTicks.GetValueOrDefault((agentId, AgentStatuses.OnlineCode));
            var busy = statusTicks.GetValueOrDefault((agentId, AgentStatuses.BusyCode));
            var responses = csat[agentId].Sum(c => c.Count);
            return new AgentFigures(
                agentId,
                names.GetValueOrDefault(agentId) ?? agentId,
                handled.GetValueOrDefault(agentId),
                resolutions.GetValueOrDefault(agentId),
                Seconds(details.Histogram(Metric.AgentHandleTime, agentId)),
                new AgentCsatFigures(responses, responses == 0 ? null : (double)csat[agentId].Sum(c => c.Value * c.Count) / responses),
                (double)online / TimeSpan.TicksPerSecond,
                (double)busy / TimeSpan.TicksPerSecond,
                online + busy == 0 ? null : (double)busy / (online + busy),
                elapsed <= TimeSpan.Zero ? null : (double)(online + busy) / elapsed.Ticks);
        });

        return new AgentLeaderboardReport(period.Name, period.From, period.To, sort, Sorted(rows, sort));
    }

    /// <summary>The agent's day in <paramref name="zone"/>; null when the tenant has never seen the agent.</summary>
    public static async Task<AgentActivityReport?> AgentActivityAsync(
        IGrainFactory grains, string tenantId, string agentId, DateOnly date, TimeZoneInfo zone, DateTimeOffset now)
    {
        await CaughtUpAsync(grains, tenantId);
        var day = LocalDay.Of(date, zone);
        var until = day.End < now ? day.End : now;
        var intervalsTask = grains.GetGrain<IAgentGrain>(GrainKeys.ForTenant(tenantId, agentId)).GetIntervals(day.Start, until);
        var live = await grains.GetGrain<ITenantGrain>(tenantId).GetLive();
        var intervals = await intervalsTask;
        if (intervals is null && live.Assigned.GetValueOrDefault(agentId) <= 0)
        {
            return null;
        }

        var name = Array.Find(live.Agents, a => a.AgentId == agentId)?.DisplayName ?? agentId;
        var shown = (intervals ?? []).Select(i => new ActivityInterval(
            i.Status, TimeZoneInfo.ConvertTime(i.From, zone), TimeZoneInfo.ConvertTime(i.To, zone), i.Duration.TotalSeconds)).ToList();
        var totals = EventVocabulary.AgentStatuses.Concat(shown.Select(i => i.Status)).Distinct(StringComparer.Ordinal)
            .Select(status => new StatusTotal(status, shown.Where(i => i.Status == status).Sum(i => i.Seconds)))
            .ToList();
        return new AgentActivityReport(agentId, name, date, day.Start, day.End, shown, totals);
    }

    public static async Task<HeatmapReport> HeatmapAsync(IGrainFactory grains, string tenantId, ResolvedPeriod period, DateTimeOffset now)
    {
        await CaughtUpAsync(grains, tenantId);
        var weekTask = grains.GetGrain<ITenantAggregatorGrain>(tenantId).GetWeekHours(new HourRange(period.From, period.To));
        var live = await grains.GetGrain<ITenantGrain>(tenantId).GetLive();
        var week = await weekTask;
        var until = period.To < now ? period.To : now;
        foreach (var (_, code, from, to) in OpenIntervals(live, period.From, until))
        {
            foreach (var (hour, ticks) in HourGrid.Split(from, to, period.Zone))
            {
                week.AddStatus(WeekHourTotals.CellOf(hour, period.Zone), code, ticks);
            }
        }

        var cells = Enumerable.Range(0, WeekHourTotals.Cells).Select(cell =>
        {
            var (busy, active) = (week.BusyTicks[cell], week.OnlineTicks[cell] + week.BusyTicks[cell]);
            return new HeatmapCell(s_weekdays[cell / 24], cell % 24, week.Conversations[cell], active == 0 ? null : (double)busy / active);
        });
        return new HeatmapReport(period.Name, period.From, period.To, [.. cells]);
    }

    /// <summary>The part inside [<paramref name="from"/>, <paramref name="until"/>) of each agent's latest status interval, still open, when online or busy.</summary>
    private static IEnumerable<(string AgentId, long Code, DateTimeOffset From, DateTimeOffset To)> OpenIntervals(
        TenantLive live, DateTimeOffset from, DateTimeOffset until)
    {
        foreach (var agent in live.Agents)
        {
            var start = agent.Since > from ? agent.Since : from;
            if (AgentStatuses.CodeOf(agent.Status) is { } code && until > start)
            {
                yield return (agent.AgentId, code, start, until);
            }
        }
    }

    private static List<AgentFigures> Sorted(IEnumerable<AgentFigures> rows, string sort)
    {
        var ordered = sort switch
        {
            AgentSort.Handled => rows.OrderByDescending(a => a.Handled),
            AgentSort.Csat => rows.OrderBy(a => a.Csat.Mean is null).ThenByDescending(a => a.Csat.Mean),
            AgentSort.HandleTime => rows.OrderBy(a => a.HandleTime.P50 is null).ThenBy(a => a.HandleTime.P50),
            AgentSort.Occupancy => rows.OrderBy(a => a.Occupancy is null).ThenByDescending(a => a.Occupancy),
            _ => rows.OrderByDescending(a => a.Resolutions),
        };
        return [.. ordered.ThenBy(a => a.DisplayName, StringComparer.Ordinal).ThenBy(a => a.AgentId, StringComparer.Ordinal)];
    }
}
