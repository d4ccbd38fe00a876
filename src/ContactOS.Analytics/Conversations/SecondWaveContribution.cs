using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Conversations;

/// <summary>
/// A conversation's counters for the second wave's figures (docs/analytics.md): times, quality, intents, tools and
/// spend, in one pass over its timeline. Settings that change the answers (reopen window, abandonment limit,
/// thresholds, prices) are applied at query time, so the counters keep what each one needs: the shortest reopen gap,
/// the latest event's time, the confidence in hundredths.
/// </summary>
internal static class SecondWaveContribution
{
    public static void Add(
        IReadOnlyList<TimelineEntry> entries, DateTimeOffset startedAt, long startHour, TimelineEntry? handoff, TimelineEntry? resolved,
        bool byAi, TimelineEntry? closed, TimeZoneInfo zone, Dictionary<MetricKey, long> counts)
    {
        var segment = resolved is null ? Segments.None : byAi ? Segments.Ai : Segments.Human;
        int firstCustomer = -1, firstResponse = -1, firstAssigned = -1, humanFirstResponse = -1;
        int latestResolvedAfterAssigned = -1, latestClosedAfterAssigned = -1;
        string? firstAgent = null, lastIntent = null;
        var transferred = false;
        var feedback = false;
        int? csat = null, nps = null;
        long reopenGap = -1;
        DateTimeOffset? lastResolution = null;
        long tokens = 0, costMicros = 0;

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            switch (entry)
            {
                case MessageEntry message:
                    if (message.Role == MessageRole.Customer)
                    {
                        if (firstCustomer < 0)
                        {
                            firstCustomer = i;
                        }

                        if (lastResolution is { } at)
                        {
                            var gap = (message.Timestamp - at).Ticks;
                            reopenGap = reopenGap < 0 ? gap : Math.Min(reopenGap, gap);
                        }
                    }
                    else
                    {
                        if (firstCustomer >= 0 && firstResponse < 0)
                        {
                            firstResponse = i;
                        }

                        if (message.Role == MessageRole.Agent && firstAssigned >= 0 && humanFirstResponse < 0)
                        {
                            humanFirstResponse = i;
                        }
                    }

                    if (message.HasSpend)
                    {
                        var model = message.Value ?? Segments.UnknownModel;
                        var hour = HourGrid.HourStartTicks(message.Timestamp, zone);
                        Increment(counts, new MetricKey(Metric.ModelMessages, hour, model), 1);
                        Increment(counts, new MetricKey(Metric.ModelTokens, hour, model), message.Tokens ?? 0);
                        Increment(counts, new MetricKey(Metric.ModelCostMicros, hour, model), message.CostMicros ?? 0);
                        tokens += message.Tokens ?? 0;
                        costMicros += message.CostMicros ?? 0;
                    }

                    break;

                case { Type: EventTypes.IntentDetected, Value: { } intent }:
                    lastIntent = intent;
                    Increment(counts, new MetricKey(Metric.IntentDetections, startHour, intent), 1);
                    if (entry is IntentEntry { ConfidenceMicros: { } micros, ConfidencePercent: { } percent })
                    {
                        Increment(counts, new MetricKey(Metric.IntentConfidenceMicros, startHour, intent), micros);
                        Increment(counts, new MetricKey(Metric.IntentConfidenceCount, startHour, intent), 1);
                        Increment(counts, new MetricKey(Metric.ConfidencePercent, startHour, null, percent), 1);
                    }

                    break;

                case ToolEntry tool:
                    Increment(counts, new MetricKey(Metric.ToolCalls, startHour, tool.Value, tool.Success switch { true => 1, false => 0, null => -1 }), 1);
                    if (tool.LatencyMs is { } latency)
                    {
                        AddDuration(counts, Metric.ToolLatency, startHour, tool.Value, latency);
                    }

                    break;

                case FeedbackEntry rating:
                    feedback = true;
                    csat = rating.Csat ?? csat;
                    nps = rating.Nps ?? nps;
                    break;

                default:
                    switch (entry.Type)
                    {
                        case EventTypes.AgentAssigned:
                            if (firstAssigned < 0)
                            {
                                firstAssigned = i;
                                firstAgent = entry.Value;
                            }
                            else if (!string.Equals(entry.Value, firstAgent, StringComparison.Ordinal))
                            {
                                transferred = true;
                            }

                            break;
                        case EventTypes.ConversationResolved:
                            lastResolution = entry.Timestamp;
                            if (firstAssigned >= 0)
                            {
                                latestResolvedAfterAssigned = i;
                            }

                            break;
                        case EventTypes.ConversationClosed when firstAssigned >= 0:
                            latestClosedAfterAssigned = i;
                            break;
                    }

                    break;
            }
        }

        // Times.
        if (firstResponse >= 0)
        {
            AddDuration(counts, Metric.FirstResponse, startHour, null, Millis(entries[firstCustomer].Timestamp, entries[firstResponse].Timestamp));
        }

        if (humanFirstResponse >= 0)
        {
            AddDuration(counts, Metric.HumanFirstResponse, startHour, null, Millis(entries[firstAssigned].Timestamp, entries[humanFirstResponse].Timestamp));
        }

        var handleEnd = latestResolvedAfterAssigned >= 0 ? latestResolvedAfterAssigned : latestClosedAfterAssigned;
        if (handleEnd >= 0)
        {
            var handle = Millis(entries[firstAssigned].Timestamp, entries[handleEnd].Timestamp);
            AddDuration(counts, Metric.HandleTime, startHour, null, handle);
            Increment(counts, new MetricKey(Metric.HandleMillis, startHour, segment), handle);
        }

        if (resolved is not null && resolved.Timestamp >= startedAt)
        {
            AddDuration(counts, Metric.ResolutionTime, startHour, null, Millis(startedAt, resolved.Timestamp));
        }

        // Quality.
        var shape = (handoff is null ? ConversationShape.None : ConversationShape.HandedOff)
            | (firstAssigned < 0 ? ConversationShape.None : ConversationShape.Assigned)
            | (transferred ? ConversationShape.Transferred : ConversationShape.None);
        counts[new MetricKey(Metric.Shape, startHour, null, (long)shape)] = 1;
        if (csat is { } score)
        {
            counts[new MetricKey(Metric.Csat, startHour, segment, score)] = 1;
        }

        if (nps is { } answer)
        {
            counts[new MetricKey(Metric.Nps, startHour, segment, answer)] = 1;
        }

        if (resolved is not null || closed is not null)
        {
            counts[new MetricKey(Metric.Ended, startHour, segment, feedback ? 1 : 0)] = 1;
        }

        if (resolved is not null)
        {
            var label = transferred ? (byAi ? Segments.AiTransferred : Segments.HumanTransferred) : segment;
            counts[new MetricKey(Metric.Resolved, startHour, label, reopenGap)] = 1;
        }
        else
        {
            var intent = lastIntent ?? Segments.NoIntent;
            var key = closed is not null
                ? new MetricKey(Metric.ClosedUnresolved, startHour, intent, handoff is null ? 0 : 1)
                : new MetricKey(handoff is null ? Metric.OpenUnresolvedAi : Metric.OpenUnresolvedHuman, startHour, intent, entries[^1].Timestamp.UtcTicks);
            counts[key] = 1;
        }

        // Spend of the conversation as a whole.
        if (tokens != 0)
        {
            counts[new MetricKey(Metric.ConversationTokens, startHour, segment)] = tokens;
        }

        if (costMicros != 0)
        {
            counts[new MetricKey(Metric.ConversationCostMicros, startHour, segment)] = costMicros;
        }
    }

    private static long Millis(DateTimeOffset from, DateTimeOffset to) => (to - from).Ticks / TimeSpan.TicksPerMillisecond;

    private static void AddDuration(Dictionary<MetricKey, long> counts, Metric metric, long hour, string? label, long millis)
    {
        Increment(counts, new MetricKey(metric, hour, label, LogHistogram.BinOf(millis)), 1);
        Increment(counts, new MetricKey(metric, hour, label, HistogramKeys.Sum), millis);
    }

    private static void Increment(Dictionary<MetricKey, long> counts, MetricKey key, long by)
        => counts[key] = counts.GetValueOrDefault(key) + by;
}
