using System.Collections.Concurrent;
using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Conversations;
using ContactOS.Analytics.Events;

namespace ContactOS.Grains.Ingestion;

/// <summary>What conversation and agent grains keep of an event.</summary>
public static class TimelineEntries
{
    // Intents, tools and models repeat in every conversation: one string each instead of one per event. Bounded, since
    // the names come from senders.
    private const int MaxSharedNames = 20_000;
    private static readonly ConcurrentDictionary<string, string> s_names = new(StringComparer.Ordinal);

    public static TimelineEntry ForConversation(ContactEvent contactEvent, long position)
    {
        var (at, type) = (contactEvent.Timestamp, contactEvent.Type);
        return type switch
        {
            EventTypes.Message => new MessageEntry(
                at, position, RoleOf(contactEvent.Role), contactEvent.EffectiveSentiment, Shared(contactEvent.Model), contactEvent.Tokens,
                contactEvent.Cost is { } cost ? (long)Math.Round(cost * 1_000_000m, MidpointRounding.AwayFromZero) : null),
            EventTypes.IntentDetected => new IntentEntry(at, position, Shared(contactEvent.Intent)!, contactEvent.Confidence),
            EventTypes.ToolCalled => new ToolEntry(at, position, Shared(contactEvent.Tool)!, contactEvent.Success, contactEvent.LatencyMs),
            EventTypes.Feedback => new FeedbackEntry(at, position, contactEvent.Csat, contactEvent.Nps),
            EventTypes.HandoffRequested => new TimelineEntry(at, position, type, contactEvent.Reason),
            EventTypes.ConversationResolved => new TimelineEntry(at, position, type, contactEvent.By),
            EventTypes.AgentAssigned => new TimelineEntry(at, position, type, contactEvent.AgentId),
            _ => new TimelineEntry(at, position, type),
        };
    }

    public static AgentStatusEntry ForAgent(ContactEvent contactEvent, long position) =>
        new(contactEvent.Timestamp, position, contactEvent.Status!, contactEvent.DisplayName);

    private static MessageRole RoleOf(string? role) => role switch
    {
        "ai" => MessageRole.Ai,
        "agent" => MessageRole.Agent,
        _ => MessageRole.Customer,
    };

    private static string? Shared(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (s_names.TryGetValue(name, out var shared))
        {
            return shared;
        }

        return s_names.Count < MaxSharedNames ? s_names.GetOrAdd(name, name) : name;
    }
}
