using ContactOS.Analytics.Conversations;

namespace ContactOS.Grains.Conversations;

/// <summary>One conversation of a tenant; key "tenant/conversationId".</summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Adds events (already durable in the event log) and sends what they change to the tenant's counters.</summary>
    Task Apply(IReadOnlyList<TimelineEntry> entries, string timeZoneId);

    [ReadOnly]
    Task<ConversationStatus?> GetStatus();
}
