using System.Text.Json.Serialization;

namespace ContactOS.Analytics.Events;

/// <summary>
/// One event from a conversation platform, as accepted by <c>POST /api/v2/events</c>. Common fields: <see cref="Id"/>
/// (unique per tenant, chosen by the sender; a repeated id is ignored), <see cref="Type"/>, <see cref="Timestamp"/>
/// (event time, with offset: it decides the time bucket), and <see cref="ConversationId"/> or, for
/// <c>agent.status</c>, <see cref="AgentId"/>. Every other field belongs to one or more types (see
/// docs/events.md); fields a type does not use are ignored.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.contact-event")]
public sealed record ContactEvent
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Type { get; init; }

    [Id(2)]
    public required DateTimeOffset Timestamp { get; init; }

    [Id(3)]
    public string? ConversationId { get; init; }

    /// <summary><c>agent.assigned</c>, <c>agent.status</c>.</summary>
    [Id(4)]
    public string? AgentId { get; init; }

    /// <summary><c>conversation.started</c>: web, whatsapp, voice, email, ...</summary>
    [Id(5)]
    public string? Channel { get; init; }

    /// <summary><c>message</c>: customer, ai or agent.</summary>
    [Id(6)]
    public string? Role { get; init; }

    /// <summary><c>message</c>: optional text, scored for sentiment when no score is given.</summary>
    [Id(7)]
    public string? Text { get; init; }

    /// <summary><c>message</c>: optional sentiment 1-5 scored by the sender.</summary>
    [Id(8)]
    public int? Sentiment { get; init; }

    /// <summary>
    /// <c>message</c> without <see cref="Sentiment"/>: the score the silo gave <see cref="Text"/> at ingestion. It is
    /// stored with the event so that a replay counts the very same score; senders cannot set it.
    /// </summary>
    [Id(9)]
    public int? ScoredSentiment { get; init; }

    /// <summary>The sentiment the analytics count: the sender's, else the silo's score; null when neither.</summary>
    [JsonIgnore]
    public int? EffectiveSentiment => Sentiment ?? ScoredSentiment;

    /// <summary><c>message</c>: optional LLM tokens used.</summary>
    [Id(10)]
    public int? Tokens { get; init; }

    /// <summary><c>message</c>: optional cost in the tenant's currency.</summary>
    [Id(11)]
    public decimal? Cost { get; init; }

    /// <summary><c>message</c>: optional model name.</summary>
    [Id(12)]
    public string? Model { get; init; }

    /// <summary><c>intent.detected</c>.</summary>
    [Id(13)]
    public string? Intent { get; init; }

    /// <summary><c>intent.detected</c>: 0-1.</summary>
    [Id(14)]
    public double? Confidence { get; init; }

    /// <summary><c>tool.called</c>.</summary>
    [Id(15)]
    public string? Tool { get; init; }

    /// <summary><c>tool.called</c>.</summary>
    [Id(16)]
    public bool? Success { get; init; }

    /// <summary><c>tool.called</c>.</summary>
    [Id(17)]
    public int? LatencyMs { get; init; }

    /// <summary><c>handoff.requested</c>: complex_request, billing, complaint, loop_guard or other.</summary>
    [Id(18)]
    public string? Reason { get; init; }

    /// <summary><c>conversation.resolved</c>: ai or human.</summary>
    [Id(19)]
    public string? By { get; init; }

    /// <summary><c>feedback</c>: optional CSAT 1-5.</summary>
    [Id(20)]
    public int? Csat { get; init; }

    /// <summary><c>feedback</c>: optional NPS 0-10.</summary>
    [Id(21)]
    public int? Nps { get; init; }

    /// <summary><c>agent.status</c>: online, busy or offline.</summary>
    [Id(22)]
    public string? Status { get; init; }

    /// <summary><c>agent.status</c>: the agent's name as the roster shows it.</summary>
    [Id(23)]
    public string? DisplayName { get; init; }
}
