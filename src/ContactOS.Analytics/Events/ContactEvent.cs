using System.Text.Json.Serialization;

namespace ContactOS.Analytics.Events;

/// <summary>
/// One event from a conversation platform, as accepted by <c>POST /api/v2/events</c>. Common fields: <see cref="Id"/>
/// (unique per tenant, chosen by the sender; a repeated id is ignored), <see cref="Type"/>, <see cref="Timestamp"/>
/// (event time, with offset: it decides the time bucket), and <see cref="ConversationId"/> or, for
/// <c>agent.status</c>, <see cref="AgentId"/>. Every other field belongs to one or more types (see
/// docs/events.md); fields a type does not use are ignored.
/// </summary>
public sealed record ContactEvent
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public string? ConversationId { get; init; }

    /// <summary><c>agent.assigned</c>, <c>agent.status</c>.</summary>
    public string? AgentId { get; init; }

    /// <summary><c>conversation.started</c>: web, whatsapp, voice, email, ...</summary>
    public string? Channel { get; init; }

    /// <summary><c>message</c>: customer, ai or agent.</summary>
    public string? Role { get; init; }

    /// <summary><c>message</c>: optional text, scored for sentiment when no score is given.</summary>
    public string? Text { get; init; }

    /// <summary><c>message</c>: optional sentiment 1-5 scored by the sender.</summary>
    public int? Sentiment { get; init; }

    /// <summary>
    /// <c>message</c> without <see cref="Sentiment"/>: the score the silo gave <see cref="Text"/> at ingestion. It is
    /// stored with the event so that a replay counts the very same score; senders cannot set it.
    /// </summary>
    public int? ScoredSentiment { get; init; }

    /// <summary>The sentiment the analytics count: the sender's, else the silo's score; null when neither.</summary>
    [JsonIgnore]
    public int? EffectiveSentiment => Sentiment ?? ScoredSentiment;

    /// <summary><c>message</c>: optional LLM tokens used.</summary>
    public int? Tokens { get; init; }

    /// <summary><c>message</c>: optional cost in the tenant's currency.</summary>
    public decimal? Cost { get; init; }

    /// <summary><c>message</c>: optional model name.</summary>
    public string? Model { get; init; }

    /// <summary><c>intent.detected</c>.</summary>
    public string? Intent { get; init; }

    /// <summary><c>intent.detected</c>: 0-1.</summary>
    public double? Confidence { get; init; }

    /// <summary><c>tool.called</c>.</summary>
    public string? Tool { get; init; }

    /// <summary><c>tool.called</c>.</summary>
    public bool? Success { get; init; }

    /// <summary><c>tool.called</c>.</summary>
    public int? LatencyMs { get; init; }

    /// <summary><c>handoff.requested</c>: complex_request, billing, complaint, loop_guard or other.</summary>
    public string? Reason { get; init; }

    /// <summary><c>conversation.resolved</c>: ai or human.</summary>
    public string? By { get; init; }

    /// <summary><c>feedback</c>: optional CSAT 1-5.</summary>
    public int? Csat { get; init; }

    /// <summary><c>feedback</c>: optional NPS 0-10.</summary>
    public int? Nps { get; init; }

    /// <summary><c>agent.status</c>: online, busy or offline.</summary>
    public string? Status { get; init; }

    /// <summary><c>agent.status</c>: the agent's name as the roster shows it.</summary>
    public string? DisplayName { get; init; }
}
