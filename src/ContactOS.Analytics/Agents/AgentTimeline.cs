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
