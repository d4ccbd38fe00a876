using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Conversations;

/// <summary>
/// A conversation's answer to a batch: its counter changes; or a request for its history first; or why the batch could
/// not be applied (<see cref="Failure"/>), in which case it changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.conversation-update")]
public sealed record ConversationUpdate(bool NeedsHistory, KeyValuePair<MetricKey, long>[] Changes, string? Failure = null)
{
    public static readonly ConversationUpdate HistoryNeeded = new(true, []);
}
