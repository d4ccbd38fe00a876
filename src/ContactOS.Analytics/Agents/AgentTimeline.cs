using ContactOS.Analytics.Aggregation;

namespace ContactOS.Analytics.Agents;

/// <summary>
/// An agent's status events in event-time order (timestamp, then arrival), so late events land in place: the roster
/// entry and the time spent in each status follow event time, not arrival.
/// </summary>
public sealed class AgentTimeline
{
    private static readonly IComparer<AgentStatusEntry> s_order = Comparer<AgentStatusEntry>.Create(
        static (a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : a.Arrival.CompareTo(b.Arrival));

    private readonly List<AgentStatusEntry> _entries = [];

    public IReadOnlyList<AgentStatusEntry> Entries => _entries;

    /// <summary>Inserts an event at its place; the same log event delivered twice is ignored. Returns whether it was added.</summary>
    public bool Add(AgentStatusEntry entry)
    {
        var index = _entries.BinarySearch(entry, s_order);
        if (index >= 0)
        {
            return false;
        }

        _entries.Insert(~index, entry);
        return true;
    }

    /// <summary>Where <paramref name="entry"/> goes in event-time order; -1 when it is here already.</summary>
    public int IndexFor(AgentStatusEntry entry)
    {
        var index = _entries.BinarySearch(entry, s_order);
        return index >= 0 ? -1 : ~index;
    }

    /// <summary>Drops the entries whose log position (arrival) is <paramref name="arrival"/> or later; returns whether there were any.</summary>
    public bool RemoveArrivedFrom(long arrival) => _entries.RemoveAll(e => e.Arrival >= arrival) > 0;

    /// <summary>
    /// The agent's counters, in hour buckets of <paramref name="zone"/>, written into <paramref name="counts"/> (cleared
    /// first): its status events, and the time of every closed interval (from an event to the next) online or busy, split by
    /// the clock. The latest interval is still open; the roster entry carries it, and queries add it up to their "now".
    /// </summary>
    public void Contribute(string agentId, TimeZoneInfo zone, Dictionary<MetricKey, long> counts) => Contribute(agentId, zone, 0, counts);

    /// <summary>
    /// The part of <see cref="Contribute(string, TimeZoneInfo, Dictionary{MetricKey, long})"/> that comes from the entries at
    /// <paramref name="from"/> and later (their events, and the intervals they open). Events inserted at an index leave the
    /// part before the entry ahead of it unchanged, so a change is found from there on, however long the history.
    /// </summary>
    public void Contribute(string agentId, TimeZoneInfo zone, int from, Dictionary<MetricKey, long> counts)
    {
        counts.Clear();
        for (var i = Math.Max(0, from); i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var events = new MetricKey(Metric.AgentStatusEvents, HourGrid.HourStartTicks(entry.Timestamp, zone), agentId);
            counts[events] = counts.GetValueOrDefault(events) + 1;
            if (i + 1 < _entries.Count && AgentStatuses.CodeOf(entry.Status) is { } code)
            {
                foreach (var (hour, ticks) in HourGrid.Split(entry.Timestamp, _entries[i + 1].Timestamp, zone))
                {
                    var key = new MetricKey(Metric.AgentStatusTicks, hour, agentId, code);
                    counts[key] = counts.GetValueOrDefault(key) + ticks;
                }
            }
        }
    }

    /// <summary>
    /// The status intervals inside [<paramref name="from"/>, <paramref name="until"/>), in order: each status lasts to the next
    /// event, the latest to <paramref name="until"/>; the interval in force at <paramref name="from"/> starts there.
    /// </summary>
    public IReadOnlyList<StatusInterval> Intervals(DateTimeOffset from, DateTimeOffset until)
    {
        var intervals = new List<StatusInterval>();
        for (var i = 0; i < _entries.Count; i++)
        {
            var start = _entries[i].Timestamp > from ? _entries[i].Timestamp : from;
            var next = i + 1 < _entries.Count ? _entries[i + 1].Timestamp : until;
            var end = next < until ? next : until;
            if (end > start)
            {
                intervals.Add(new StatusInterval(_entries[i].Status, start, end));
            }
        }

        return intervals;
    }

    /// <summary>The roster entry; null before any status event.</summary>
    public AgentState? Current(string agentId)
    {
        if (_entries.Count == 0)
        {
            return null;
        }

        var latest = _entries[^1];
        var name = _entries.FindLast(e => !string.IsNullOrWhiteSpace(e.DisplayName))?.DisplayName ?? agentId;
        return new AgentState(agentId, name, latest.Status, latest.Timestamp);
    }

    /// <summary>
    /// Time spent in each status: from each event to the next in event time, and from the latest to
    /// <paramref name="now"/> (nothing when <paramref name="now"/> is before it).
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> TimeInStatus(DateTimeOffset now)
    {
        var spent = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        for (var i = 0; i < _entries.Count; i++)
        {
            var end = i + 1 < _entries.Count ? _entries[i + 1].Timestamp : now;
            var duration = end - _entries[i].Timestamp;
            if (duration > TimeSpan.Zero)
            {
                spent[_entries[i].Status] = spent.GetValueOrDefault(_entries[i].Status) + duration;
            }
        }

        return spent;
    }
}
