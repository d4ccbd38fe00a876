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

    // The second wave (docs/analytics.md). Conversation figures go to the bucket of the start time, model spend to the
    // message's. Histograms (times, tool latency): value = the bin, or HistogramKeys.Sum for the sum of milliseconds.

    /// <summary>Histogram: first customer message to the first AI or agent message after it.</summary>
    FirstResponse,

    /// <summary>Histogram: first assignment to the first agent message after it.</summary>
    HumanFirstResponse,

    /// <summary>Histogram: first assignment to the latest resolution (else close) after it.</summary>
    HandleTime,

    /// <summary>Histogram: start time to the latest resolution.</summary>
    ResolutionTime,

    /// <summary>Conversations by shape; value: <see cref="ConversationShape"/> flags.</summary>
    Shape,

    /// <summary>Conversations by their latest CSAT; label: segment, value: the score 1-5.</summary>
    Csat,

    /// <summary>Conversations by their latest NPS answer; label: segment, value: the answer 0-10.</summary>
    Nps,

    /// <summary>Conversations that ended (resolved or closed); label: segment, value: 1 with feedback, else 0.</summary>
    Ended,

    /// <summary>
    /// Resolved conversations; label: segment, with "+transfer" when two agents or more were assigned; value: the shortest
    /// gap from a resolution to a later customer message in whole hours rounded up (at most <see cref="ReopenGaps.Never"/>), -1 without one.
    /// </summary>
    Resolved,

    /// <summary>Closed conversations without a resolution; label: the last intent; value: 1 when handed off, else 0.</summary>
    ClosedUnresolved,

    /// <summary>Open conversations without a resolution, never handed off; value: the local hour (its start in UTC ticks) of their latest event.</summary>
    OpenUnresolvedAi,

    /// <summary>Open conversations without a resolution, handed off; value: the local hour (its start in UTC ticks) of their latest event.</summary>
    OpenUnresolvedHuman,

    /// <summary>Open conversations without a resolution; label: the last intent; value: the local hour (its start in UTC ticks) of their latest event.</summary>
    OpenUnresolvedIntent,

    /// <summary>Intent detections; label: the intent.</summary>
    IntentDetections,

    /// <summary>Sum of the detections' confidence in millionths; label: the intent.</summary>
    IntentConfidenceMicros,

    /// <summary>Detections with a confidence; label: the intent.</summary>
    IntentConfidenceCount,

    /// <summary>Detections by confidence; value: ⌊100·confidence⌋.</summary>
    ConfidencePercent,

    /// <summary>Tool calls; label: the tool; value: 1 succeeded, 0 failed, -1 not said.</summary>
    ToolCalls,

    /// <summary>Histogram of tool-call latency; label: the tool.</summary>
    ToolLatency,

    /// <summary>Messages with tokens or cost (bucket of the message time); label: the model.</summary>
    ModelMessages,

    /// <summary>Tokens (bucket of the message time); label: the model.</summary>
    ModelTokens,

    /// <summary>Cost in millionths (bucket of the message time); label: the model.</summary>
    ModelCostMicros,

    /// <summary>Tokens of the conversation's messages; label: segment.</summary>
    ConversationTokens,

    /// <summary>Cost of the conversation's messages in millionths; label: segment.</summary>
    ConversationCostMicros,

    /// <summary>Handle time in milliseconds; label: segment.</summary>
    HandleMillis,

    // Agents (docs/analytics.md, "Agents"). Conversation figures go to the bucket of the start time, status time by the clock.

    /// <summary>Conversations with an assignment naming the agent; label: the agent id.</summary>
    AgentHandled,

    /// <summary>Conversations resolved by a human whose latest assignment names the agent; label: the agent id.</summary>
    AgentResolutions,

    /// <summary>Histogram: the agent's share of a conversation's handle time; label: the agent id.</summary>
    AgentHandleTime,

    /// <summary>Conversations by their latest CSAT and latest assignment; label: the agent id, value: the score 1-5.</summary>
    AgentCsat,

    /// <summary>Time in ticks in a status, in the bucket of the clock hour it passed in; label: the agent id, value: <see cref="Agents.AgentStatuses.CodeOf"/>.</summary>
    AgentStatusTicks,

    /// <summary><c>agent.status</c> events (bucket of the event time); label: the agent id.</summary>
    AgentStatusEvents,
}
