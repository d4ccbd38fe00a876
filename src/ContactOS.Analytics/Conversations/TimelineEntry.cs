namespace ContactOS.Analytics.Conversations;

/// <summary>
/// What a conversation keeps of one event: when it happened, its arrival order (the event-log position, which
/// breaks ties between equal timestamps), its type, the one value the analytics need from it (intent, handoff
/// reason, resolver, agent id, tool, model) and, for messages, the sentiment already scored. Messages, intents, tool
/// calls and feedback keep a few figures more in the derived entries.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.timeline-entry")]
public record TimelineEntry(DateTimeOffset Timestamp, long Arrival, string Type, string? Value = null, int? Sentiment = null);

/// <summary>A <c>message</c>: its role and spend; <see cref="TimelineEntry.Value"/> is the model.</summary>
[GenerateSerializer, Immutable, Alias("contactos.message-entry")]
public sealed record MessageEntry : TimelineEntry
{
    public MessageEntry(DateTimeOffset timestamp, long arrival, MessageRole role, int? sentiment = null, string? model = null, int? tokens = null, long? costMicros = null)
        : base(timestamp, arrival, Events.EventTypes.Message, model, sentiment)
    {
        Role = role;
        Tokens = tokens;
        CostMicros = costMicros;
    }

    [Id(0)]
    public MessageRole Role { get; init; }

    [Id(1)]
    public int? Tokens { get; init; }

    /// <summary>The cost in millionths of the tenant's currency.</summary>
    [Id(2)]
    public long? CostMicros { get; init; }

    public bool HasSpend => Tokens is not null || CostMicros is not null;
}

/// <summary>An <c>intent.detected</c>: <see cref="TimelineEntry.Value"/> is the intent.</summary>
[GenerateSerializer, Immutable, Alias("contactos.intent-entry")]
public sealed record IntentEntry : TimelineEntry
{
    public IntentEntry(DateTimeOffset timestamp, long arrival, string intent, double? confidence = null)
        : base(timestamp, arrival, Events.EventTypes.IntentDetected, intent)
    {
        if (confidence is { } c)
        {
            // Decimal arithmetic: ⌊100·0.29⌋ is 29, not 28 as in binary floating point.
            ConfidenceMicros = (long)Math.Round((decimal)c * 1_000_000m, MidpointRounding.AwayFromZero);
            ConfidencePercent = (int)decimal.Floor((decimal)c * 100m);
        }
    }

    /// <summary>The confidence rounded to 6 decimals, in millionths.</summary>
    [Id(0)]
    public long? ConfidenceMicros { get; init; }

    /// <summary>⌊100·confidence⌋.</summary>
    [Id(1)]
    public int? ConfidencePercent { get; init; }
}

/// <summary>A <c>tool.called</c>: <see cref="TimelineEntry.Value"/> is the tool.</summary>
[GenerateSerializer, Immutable, Alias("contactos.tool-entry")]
public sealed record ToolEntry : TimelineEntry
{
    public ToolEntry(DateTimeOffset timestamp, long arrival, string tool, bool? success = null, int? latencyMs = null)
        : base(timestamp, arrival, Events.EventTypes.ToolCalled, tool)
    {
        Success = success;
        LatencyMs = latencyMs;
    }

    [Id(0)]
    public bool? Success { get; init; }

    [Id(1)]
    public int? LatencyMs { get; init; }
}

/// <summary>A <c>feedback</c>.</summary>
[GenerateSerializer, Immutable, Alias("contactos.feedback-entry")]
public sealed record FeedbackEntry : TimelineEntry
{
    public FeedbackEntry(DateTimeOffset timestamp, long arrival, int? csat = null, int? nps = null)
        : base(timestamp, arrival, Events.EventTypes.Feedback)
    {
        Csat = csat;
        Nps = nps;
    }

    [Id(0)]
    public int? Csat { get; init; }

    [Id(1)]
    public int? Nps { get; init; }
}
