using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Conversations;

/// <summary>A conversation's answer to a batch: its counter changes, or a request for its history first.</summary>
public sealed record ConversationUpdate(bool NeedsHistory, IReadOnlyList<KeyValuePair<MetricKey, long>> Changes)
{
    public static readonly ConversationUpdate HistoryNeeded = new(true, []);
}
