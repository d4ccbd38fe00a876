namespace ContactOS.Analytics.Aggregation;

/// <summary>The counters a conversation contributes to its tenant's buckets (see docs/analytics.md).</summary>
[GenerateSerializer, Alias("contactos.metric")]
public enum Metric : byte
{
    /// <summary>Conversations started (bucket of the start time).</summary>
    Started,

    /// <summary>Started conversations resolved by AI, never handed off (bucket of the start time).</summary>
    AiResolved,

    /// <summary>Started conversations resolved otherwise (bucket of the start time).</summary>
    HumanResolved,

    /// <summary>Started conversations by the reason of their earliest handoff; label: the reason.</summary>
    Handoff,

    /// <summary>Started conversations by distinct intent; label: the intent.</summary>
    Intent,

    /// <summary>Conversations closed (bucket of the close time).</summary>
    Closed,

    /// <summary>Sum of AI-phase message sentiment (bucket of the message time).</summary>
    AiSentimentSum,

    /// <summary>Count of AI-phase messages with a sentiment.</summary>
    AiSentimentCount,

    /// <summary>Sum of human-phase message sentiment.</summary>
    HumanSentimentSum,

    /// <summary>Count of human-phase messages with a sentiment.</summary>
    HumanSentimentCount,

    /// <summary>Live gauge: conversations active now (no bucket).</summary>
    Active,

    /// <summary>Live gauge: conversations pending a human now (no bucket).</summary>
    Pending,

    /// <summary>Live gauge: open conversations whose latest assignment is this agent; label: the agent id.</summary>
    Assigned,
}
