using ContactOS.Analytics.Events;

namespace ContactOS.Grains.Ingestion;

/// <summary>What an event is about, as the event log records it: "conversation:{id}" or "agent:{id}".</summary>
public static class RoutingKeys
{
    public static string Of(ContactEvent contactEvent) => EventTypes.IsAgentEvent(contactEvent.Type)
        ? "agent:" + contactEvent.AgentId
        : "conversation:" + contactEvent.ConversationId;
}
