namespace ContactOS.Analytics.Events;

/// <summary>The wire names of event types, as sent in an event's <c>type</c> field.</summary>
public static class EventTypes
{
    public const string ConversationStarted = "conversation.started";
    public const string Message = "message";
    public const string IntentDetected = "intent.detected";
    public const string ToolCalled = "tool.called";
    public const string HandoffRequested = "handoff.requested";
    public const string AgentAssigned = "agent.assigned";
    public const string ConversationResolved = "conversation.resolved";
    public const string ConversationClosed = "conversation.closed";
    public const string Feedback = "feedback";
    public const string AgentStatus = "agent.status";

    public static IReadOnlyList<string> All { get; } =
    [
        ConversationStarted, Message, IntentDetected, ToolCalled, HandoffRequested,
        AgentAssigned, ConversationResolved, ConversationClosed, Feedback, AgentStatus,
    ];

    /// <summary>True for types addressed by <c>agentId</c> rather than <c>conversationId</c>.</summary>
    public static bool IsAgentEvent(string type) => type == AgentStatus;
}
