namespace ContactOS.Analytics.Aggregation;

/// <summary>What happened to a conversation, as flags: the denominators of the quality rates.</summary>
[Flags]
public enum ConversationShape
{
    None = 0,

    /// <summary>It has a handoff.requested.</summary>
    HandedOff = 1,

    /// <summary>It has an agent.assigned.</summary>
    Assigned = 2,

    /// <summary>Two or more distinct agents were assigned.</summary>
    Transferred = 4,
}
