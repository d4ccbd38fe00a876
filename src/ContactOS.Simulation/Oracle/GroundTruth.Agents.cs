using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;

namespace ContactOS.Simulation.Oracle;

/// <summary>
/// The agent figures of docs/analytics.md ("Agents") from the raw events: conversations started in the period, read whole in
/// timeline order, and every agent's status intervals cut at the period's edges and, for the heatmap, at each local hour.
/// </summary>
public sealed partial class GroundTruth
{
    private static readonly string[] s_weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public ExpectedAgentLeaderboard AgentLeaderboard(string tenantId, ResolvedPeriod period, DateTimeOffset now, string sort)
    {
        ArgumentNullException.ThrowIfNull(period);
        var handled = new Dictionary<string, long>(StringComparer.Ordinal);
        var resolutions = new Dictionary<string, long>(StringComparer.Ordinal);
        var handleMillis = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var csat = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var conversation in Conversations(tenantId))
        {
            var start = conversation.FirstOrDefault(e => e.Type == EventTypes.ConversationStarted)?.Timestamp ?? conversation[0].Timestamp;
            if (start < period.From || start >= period.To)
            {
                continue;
            }

            var assignments = conversation.Select((e, i) => (Event: e, Index: i)).Where(a => a.Event.Type == EventTypes.AgentAssigned).ToList();
            if (assignments.Count == 0)
            {
                continue;
            }

            foreach (var agentId in assignments.Select(a => a.Event.AgentId!).Distinct(StringComparer.Ordinal))
            {
                handled[agentId] = handled.GetValueOrDefault(agentId) + 1;
            }

            var latest = assignments[^1].Event.AgentId!;
            var lastResolution = conversation.LastOrDefault(e => e.Type == EventTypes.ConversationResolved);
            var byAi = lastResolution?.By == "ai" && !conversation.Any(e => e.Type == EventTypes.HandoffRequested);
            if (lastResolution is not null && !byAi)
            {
                resolutions[latest] = resolutions.GetValueOrDefault(latest) + 1;
            }

            if (conversation.LastOrDefault(e => e.Type == EventTypes.Feedback && e.Csat is not null) is { Csat: { } score })
            {
                Add(csat, latest, score);
            }

            var first = assignments[0].Index;
            var end = LastIndex(conversation, EventTypes.ConversationResolved, after: first) ?? LastIndex(conversation, EventTypes.ConversationClosed, after: first);
            if (end is not { } handleEnd)
            {
                continue;
            }

            var shares = new Dictionary<string, long>(StringComparer.Ordinal);
            var before = assignments.Where(a => a.Index < handleEnd).ToList();
            for (var k = 0; k < before.Count; k++)
            {
                var segmentEnd = k + 1 < before.Count ? before[k + 1].Event.Timestamp : conversation[handleEnd].Timestamp;
                var agentId = before[k].Event.AgentId!;
                shares[agentId] = shares.GetValueOrDefault(agentId) + (segmentEnd - before[k].Event.Timestamp).Ticks;
            }

            foreach (var (agentId, ticks) in shares)
            {
                Add(handleMillis, agentId, ticks / TimeSpan.TicksPerMillisecond);
            }
        }

        var statusEvents = Statuses(tenantId);
        var until = period.To < now ? period.To : now;
        var elapsed = (until - period.From).Ticks;
        var names = Facts(tenantId).Agents.ToDictionary(a => a.AgentId, a => a.DisplayName, StringComparer.Ordinal);
        var listed = statusEvents.Where(s => s.Value.Any(e => period.Contains(e.Timestamp))).Select(s => s.Key)
            .Concat(handled.Keys)
            .Distinct(StringComparer.Ordinal);

        var rows = listed.Select(agentId =>
        {
            long online = 0, busy = 0;
            foreach (var interval in Intervals(statusEvents.GetValueOrDefault(agentId) ?? [], now))
            {
                var from = interval.From > period.From ? interval.From : period.From;
                var to = interval.To < period.To ? interval.To : period.To;
                if (to > from)
                {
                    online += interval.Status == "online" ? (to - from).Ticks : 0;
                    busy += interval.Status == "busy" ? (to - from).Ticks : 0;
                }
            }

            var scores = csat.GetValueOrDefault(agentId) ?? [];
            return new ExpectedAgentFigures(
                agentId,
                names.GetValueOrDefault(agentId) ?? agentId,
                handled.GetValueOrDefault(agentId),
                resolutions.GetValueOrDefault(agentId),
                HandleTime(handleMillis.GetValueOrDefault(agentId) ?? []),
                scores.Count,
                scores.Count == 0 ? null : (double)scores.Sum() / scores.Count,
                (double)online / TimeSpan.TicksPerSecond,
                (double)busy / TimeSpan.TicksPerSecond,
                online + busy == 0 ? null : (double)busy / (online + busy),
                elapsed <= 0 ? null : (double)(online + busy) / elapsed);
        }).ToList();

        var ordered = sort switch
        {
            "handled" => rows.OrderByDescending(r => r.Handled),
            "csat" => rows.OrderBy(r => r.CsatMean is null).ThenByDescending(r => r.CsatMean),
            "handleTime" => rows.OrderBy(r => r.HandleTime.P50 is null).ThenBy(r => r.HandleTime.P50),
            "occupancy" => rows.OrderBy(r => r.Occupancy is null).ThenByDescending(r => r.Occupancy),
            _ => rows.OrderByDescending(r => r.Resolutions),
        };
        return new ExpectedAgentLeaderboard(sort, [.. ordered.ThenBy(r => r.DisplayName, StringComparer.Ordinal).ThenBy(r => r.AgentId, StringComparer.Ordinal)]);
    }

    /// <summary>The agent's local day <paramref name="date"/> up to now; null when the tenant has never seen the agent.</summary>
    public ExpectedAgentActivity? AgentActivity(string tenantId, string agentId, DateOnly date, DateTimeOffset now)
    {
        var roster = Facts(tenantId).Agents.FirstOrDefault(a => a.AgentId == agentId);
        if (roster is null)
        {
            return null;
        }

        var day = LocalDay.Of(date, _zoneOf(tenantId));
        var end = day.End < now ? day.End : now;
        var intervals = new List<ExpectedStatusInterval>();
        foreach (var interval in Intervals(Statuses(tenantId).GetValueOrDefault(agentId) ?? [], now))
        {
            var from = interval.From > day.Start ? interval.From : day.Start;
            var to = interval.To < end ? interval.To : end;
            if (to > from)
            {
                intervals.Add(interval with { From = from, To = to });
            }
        }

        var totals = EventVocabulary.AgentStatuses.Concat(intervals.Select(i => i.Status)).Distinct(StringComparer.Ordinal)
            .Select(status => new KeyValuePair<string, double>(status, intervals.Where(i => i.Status == status).Sum(i => (i.To - i.From).TotalSeconds)))
            .ToList();
        return new ExpectedAgentActivity(roster.DisplayName, intervals, totals);
    }

    public IReadOnlyList<ExpectedHeatmapCell> Heatmap(string tenantId, ResolvedPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        var zone = _zoneOf(tenantId);
        var conversations = new long[7 * 24];
        var online = new long[7 * 24];
        var busy = new long[7 * 24];
        foreach (var conversation in Facts(tenantId).Conversations.Where(c => period.Contains(c.Start)))
        {
            conversations[CellOf(conversation.Start, zone)]++;
        }

        foreach (var (_, statuses) in Statuses(tenantId))
        {
            foreach (var interval in Intervals(statuses, now))
            {
                if (interval.Status is not ("online" or "busy"))
                {
                    continue;
                }

                var cursor = interval.From > period.From ? interval.From : period.From;
                var to = interval.To < period.To ? interval.To : period.To;
                while (cursor < to)
                {
                    // The next local hour starts where the wall clock reaches the next :00.
                    var local = TimeZoneInfo.ConvertTime(cursor, zone);
                    var boundary = cursor + (TimeSpan.FromHours(1) - TimeSpan.FromTicks(local.TimeOfDay.Ticks % TimeSpan.TicksPerHour));
                    var pieceEnd = boundary < to ? boundary : to;
                    (interval.Status == "busy" ? busy : online)[CellOf(cursor, zone)] += (pieceEnd - cursor).Ticks;
                    cursor = pieceEnd;
                }
            }
        }

        return [.. Enumerable.Range(0, 7 * 24).Select(cell => new ExpectedHeatmapCell(
            s_weekdays[cell / 24], cell % 24, conversations[cell],
            online[cell] + busy[cell] == 0 ? null : (double)busy[cell] / (online[cell] + busy[cell])))];
    }

    private static int CellOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var weekday = local.DayOfWeek == DayOfWeek.Sunday ? 6 : (int)local.DayOfWeek - 1;
        return (weekday * 24) + local.Hour;
    }

    /// <summary>Each status lasts until the agent's next one in event time; the latest until now (when it is before now).</summary>
    private static List<ExpectedStatusInterval> Intervals(List<ContactEvent> statuses, DateTimeOffset now)
    {
        var intervals = new List<ExpectedStatusInterval>();
        for (var i = 0; i < statuses.Count; i++)
        {
            var to = i + 1 < statuses.Count ? statuses[i + 1].Timestamp : now;
            if (to > statuses[i].Timestamp)
            {
                intervals.Add(new ExpectedStatusInterval(statuses[i].Status!, statuses[i].Timestamp, to));
            }
        }

        return intervals;
    }

    /// <summary>Each agent's status events in event time (timestamp, then arrival).</summary>
    private Dictionary<string, List<ContactEvent>> Statuses(string tenantId) =>
        (_arrived.GetValueOrDefault(tenantId) ?? [])
            .Where(e => e.Event.Type == EventTypes.AgentStatus && e.Event.AgentId is not null && e.Event.Status is not null)
            .GroupBy(e => e.Event.AgentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Event.Timestamp).ThenBy(e => e.Arrival).Select(e => e.Event).ToList(), StringComparer.Ordinal);

    /// <summary>Each conversation's events in timeline order.</summary>
    private IEnumerable<List<ContactEvent>> Conversations(string tenantId) =>
        (_arrived.GetValueOrDefault(tenantId) ?? [])
            .Where(e => !EventTypes.IsAgentEvent(e.Event.Type) && e.Event.ConversationId is not null)
            .GroupBy(e => e.Event.ConversationId!, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.Event.Timestamp).ThenBy(e => e.Arrival).Select(e => e.Event).ToList());

    private static int? LastIndex(List<ContactEvent> events, string type, int after)
    {
        for (var i = events.Count - 1; i > after; i--)
        {
            if (events[i].Type == type)
            {
                return i;
            }
        }

        return null;
    }

    private static ExpectedAgentHandleTime HandleTime(List<long> millis)
    {
        if (millis.Count == 0)
        {
            return new ExpectedAgentHandleTime(0, null, null, null, null, null);
        }

        var sorted = millis.Order().ToList();
        double Percentile(int p) => sorted[(int)Math.Max(1, ((p * (long)sorted.Count) + 99) / 100) - 1] / 1000.0;
        return new ExpectedAgentHandleTime(sorted.Count, (double)sorted.Sum() / sorted.Count / 1000, Percentile(50), Percentile(90), Percentile(95), Percentile(99));
    }

    private static void Add<T>(Dictionary<string, List<T>> lists, string key, T value)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(value);
    }
}
