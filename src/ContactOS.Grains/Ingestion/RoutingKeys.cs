using ContactOS.Analytics.Events;

namespace ContactOS.Grains.Ingestion;

/// <summary>What an event is about, as the event log records it: "conversation:{id}" or "agent:{id}".</summary>
public static class RoutingKeys
{
    public const string ConversationPrefix = "conversation:";
    public const string AgentPrefix = "agent:";

    public static string Of(ContactEvent contactEvent) => EventTypes.IsAgentEvent(contactEvent.Type)
        ? AgentPrefix + contactEvent.AgentId
        : ConversationPrefix + contactEvent.ConversationId;
}
