using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Conversations;

/// <summary>
/// A conversation's counters for the agent figures (docs/analytics.md, "Agents"), in the bucket of its start: the agents it
/// was assigned to, who gets its human resolution and its CSAT (the latest assignment), and each agent's share of its handle
/// time (the segments from each assignment to the next one or to the handle end).
/// </summary>
internal static class AgentWorkContribution
{
    public static void Add(IReadOnlyList<TimelineEntry> entries, long startHour, bool resolvedByHuman, Dictionary<MetricKey, long> counts)
    {
        int firstAssigned = -1, latestResolved = -1, latestClosed = -1;
        string? latestAgent = null;
        int? csat = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            switch (entry.Type)
            {
                case EventTypes.AgentAssigned when entry.Value is { } agentId:
                    firstAssigned = firstAssigned < 0 ? i : firstAssigned;
                    latestAgent = agentId;
                    counts[new MetricKey(Metric.AgentHandled, startHour, agentId)] = 1;
                    break;
                case EventTypes.ConversationResolved when firstAssigned >= 0:
                    latestResolved = i;
                    break;
                case EventTypes.ConversationClosed when firstAssigned >= 0:
                    latestClosed = i;
                    break;
                case EventTypes.Feedback when entry is FeedbackEntry { Csat: { } score }:
                    csat = score;
                    break;
            }
        }

        if (latestAgent is null)
        {
            return;
        }

        if (resolvedByHuman)
        {
            counts[new MetricKey(Metric.AgentResolutions, startHour, latestAgent)] = 1;
        }

        if (csat is { } latestCsat)
        {
            counts[new MetricKey(Metric.AgentCsat, startHour, latestAgent, latestCsat)] = 1;
        }

        var handleEnd = latestResolved >= 0 ? latestResolved : latestClosed;
        if (handleEnd < 0)
        {
            return;
        }

        // Each assignment before the handle end holds the conversation until the next one, or until the handle end.
        var ticks = new Dictionary<string, long>(StringComparer.Ordinal);
        string? holder = null;
        var since = default(DateTimeOffset);
        for (var i = firstAssigned; i <= handleEnd; i++)
        {
            var entry = entries[i];
            if (i == handleEnd || (entry.Type == EventTypes.AgentAssigned && entry.Value is not null))
            {
                if (holder is not null)
                {
                    ticks[holder] = ticks.GetValueOrDefault(holder) + (entry.Timestamp - since).Ticks;
                }

                (holder, since) = (entry.Value, entry.Timestamp);
            }
        }

        foreach (var (agentId, total) in ticks)
        {
            var millis = total / TimeSpan.TicksPerMillisecond;
            Increment(counts, new MetricKey(Metric.AgentHandleTime, startHour, agentId, LogHistogram.BinOf(millis)), 1);
            Increment(counts, new MetricKey(Metric.AgentHandleTime, startHour, agentId, HistogramKeys.Sum), millis);
        }
    }

    private static void Increment(Dictionary<MetricKey, long> counts, MetricKey key, long by)
        => counts[key] = counts.GetValueOrDefault(key) + by;
}
