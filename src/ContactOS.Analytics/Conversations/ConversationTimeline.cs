using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Conversations;

/// <summary>
/// A conversation's events in event-time order, and what they add up to under the rules of docs/analytics.md.
/// Conversations are short (tens of events), so recomputing from the whole timeline after each event is cheap and
/// keeps out-of-order arrivals exact.
/// </summary>
public sealed class ConversationTimeline
{
    private static readonly IComparer<TimelineEntry> s_order = Comparer<TimelineEntry>.Create(
        static (a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : a.Arrival.CompareTo(b.Arrival));

    private readonly List<TimelineEntry> _entries;

    public ConversationTimeline(IEnumerable<TimelineEntry>? entries = null)
    {
        _entries = entries is null ? [] : [.. entries];
        _entries.Sort(s_order);
    }

    public IReadOnlyList<TimelineEntry> Entries => _entries;

    /// <summary>
    /// Inserts an event at its place in event time. An entry equal in time and arrival to one already present is the same log
    /// event delivered again (history reloaded while it was in flight) and is ignored; returns whether it was added.
    /// </summary>
    public bool Add(TimelineEntry entry)
    {
        var index = _entries.BinarySearch(entry, s_order);
        if (index >= 0)
        {
            return false;
        }

        _entries.Insert(~index, entry);
        return true;
    }

    /// <summary>Drops the entries whose log position (arrival) is <paramref name="arrival"/> or later; returns whether there were any.</summary>
    public bool RemoveArrivedFrom(long arrival)
    {
        var kept = 0;
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Arrival < arrival)
            {
                _entries[kept++] = _entries[i];
            }
        }

        if (kept == _entries.Count)
        {
            return false;
        }

        _entries.RemoveRange(kept, _entries.Count - kept);
        return true;
    }

    /// <summary>The start time: the earliest conversation.started, else the earliest event; null when empty.</summary>
    public DateTimeOffset? StartedAt =>
        _entries.Count == 0 ? null : (First(EventTypes.ConversationStarted) ?? _entries[0]).Timestamp;

    public ConversationStatus? Status
    {
        get
        {
            if (_entries.Count == 0)
            {
                return null;
            }

            // A conversation first seen through a message is already in progress.
            var status = ConversationStatus.Active;
            foreach (var entry in _entries)
            {
                status = entry.Type switch
                {
                    EventTypes.ConversationStarted or EventTypes.AgentAssigned => ConversationStatus.Active,
                    EventTypes.HandoffRequested => ConversationStatus.Pending,
                    EventTypes.ConversationResolved => ConversationStatus.Resolved,
                    EventTypes.ConversationClosed => ConversationStatus.Closed,
                    _ => status,
                };
            }

            return status;
        }
    }

    /// <summary>The conversation's counters, in hour buckets of <paramref name="zone"/>.</summary>
    public Contribution Contribute(TimeZoneInfo zone)
    {
        if (_entries.Count == 0)
        {
            return Contribution.Empty;
        }

        // Sized for the usual conversation (a few keys of its own, two per hour with sentiment), so it rarely grows.
        var counts = new Dictionary<MetricKey, long>(_entries.Count + 8);
        Contribute(zone, counts);
        return new Contribution(counts);
    }

    /// <summary>
    /// The conversation's counters, in hour buckets of <paramref name="zone"/>, written into <paramref name="counts"/>
    /// (cleared first), so a caller that recomputes after every batch can reuse one dictionary.
    /// </summary>
    public void Contribute(TimeZoneInfo zone, Dictionary<MetricKey, long> counts)
    {
        counts.Clear();
        if (_entries.Count == 0)
        {
            return;
        }

        var startedAt = StartedAt!.Value;
        var startHour = HourGrid.HourStartTicks(startedAt, zone);
        counts[new MetricKey(Metric.Started, startHour)] = 1;

        var handoff = First(EventTypes.HandoffRequested);
        if (handoff is not null)
        {
            counts[new MetricKey(Metric.Handoff, startHour, handoff.Value)] = 1;
        }

        var resolved = Last(EventTypes.ConversationResolved);
        var byAi = resolved is not null && resolved.Value == "ai" && handoff is null;
        if (resolved is not null)
        {
            counts[new MetricKey(byAi ? Metric.AiResolved : Metric.HumanResolved, startHour)] = 1;
        }

        var closed = Last(EventTypes.ConversationClosed);
        if (closed is not null)
        {
            counts[new MetricKey(Metric.Closed, HourGrid.HourStartTicks(closed.Timestamp, zone))] = 1;
        }

        SecondWaveContribution.Add(_entries, startedAt, startHour, handoff, resolved, byAi, closed, zone, counts);
        AgentWorkContribution.Add(_entries, startHour, resolved is not null && !byAi, counts);

        foreach (var entry in _entries)
        {
            if (entry.Type == EventTypes.IntentDetected && entry.Value is not null)
            {
                counts[new MetricKey(Metric.Intent, startHour, entry.Value)] = 1;
            }
            else if (entry.Type == EventTypes.Message && entry.Sentiment is { } sentiment)
            {
                var human = handoff is not null && entry.Timestamp >= handoff.Timestamp;
                var hour = HourGrid.HourStartTicks(entry.Timestamp, zone);
                Increment(counts, new MetricKey(human ? Metric.HumanSentimentSum : Metric.AiSentimentSum, hour), sentiment);
                Increment(counts, new MetricKey(human ? Metric.HumanSentimentCount : Metric.AiSentimentCount, hour), 1);
            }
        }

        var status = Status;
        switch (status)
        {
            case ConversationStatus.Active:
                counts[new MetricKey(Metric.Active, 0)] = 1;
                break;
            case ConversationStatus.Pending:
                counts[new MetricKey(Metric.Pending, 0)] = 1;
                break;
        }

        if (status is ConversationStatus.Active or ConversationStatus.Pending && Last(EventTypes.AgentAssigned) is { Value: { } agentId })
        {
            counts[new MetricKey(Metric.Assigned, 0, agentId)] = 1;
        }
    }

    private TimelineEntry? First(string type)
    {
        foreach (var entry in _entries)
        {
            if (entry.Type == type)
            {
                return entry;
            }
        }

        return null;
    }

    private TimelineEntry? Last(string type)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Type == type)
            {
                return _entries[i];
            }
        }

        return null;
    }

    private static void Increment(Dictionary<MetricKey, long> counts, MetricKey key, long by)
        => counts[key] = counts.GetValueOrDefault(key) + by;
}
