using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Conversations;
using ContactOS.Analytics.Events;

namespace ContactOS.Grains.Ingestion;

/// <summary>What conversation and agent grains keep of an event.</summary>
public static class TimelineEntries
{
    public static TimelineEntry ForConversation(ContactEvent contactEvent, long position)
    {
        var value = contactEvent.Type switch
        {
            EventTypes.IntentDetected => contactEvent.Intent,
            EventTypes.HandoffRequested => contactEvent.Reason,
            EventTypes.ConversationResolved => contactEvent.By,
            EventTypes.AgentAssigned => contactEvent.AgentId,
            _ => null,
        };
        var sentiment = contactEvent.Type == EventTypes.Message ? contactEvent.EffectiveSentiment : null;
        return new TimelineEntry(contactEvent.Timestamp, position, contactEvent.Type, value, sentiment);
    }

    public static AgentStatusEntry ForAgent(ContactEvent contactEvent, long position) =>
        new(contactEvent.Timestamp, position, contactEvent.Status!, contactEvent.DisplayName);
}
