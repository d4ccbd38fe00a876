using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Conversations;

namespace ContactOS.Grains.Conversations;

/// <summary>One conversation of a tenant; key "tenant/conversationId".</summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds durable events and returns what they change in the tenant's counters. A fresh activation knows nothing
    /// of the events routed before <paramref name="batchStart"/>: it then applies nothing and asks for its history
    /// (<see cref="ConversationUpdate.NeedsHistory"/>), which the caller reads from the log and hands to
    /// <see cref="ApplyWithHistory"/>.
    /// </summary>
    Task<ConversationUpdate> Apply(IReadOnlyList<TimelineEntry> entries, string timeZoneId, long batchStart);

    /// <summary>Loads the conversation's events from before the batch, then applies the batch as <see cref="Apply"/>.</summary>
    Task<IReadOnlyList<KeyValuePair<MetricKey, long>>> ApplyWithHistory(
        IReadOnlyList<TimelineEntry> history, IReadOnlyList<TimelineEntry> entries, string timeZoneId);

    [ReadOnly]
    Task<ConversationStatus?> GetStatus();
}
