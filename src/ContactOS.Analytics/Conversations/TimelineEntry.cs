namespace ContactOS.Analytics.Conversations;

/// <summary>
/// What a conversation keeps of one event: when it happened, its arrival order (the event-log position, which
/// breaks ties between equal timestamps), its type, the one value the analytics need from it (intent, handoff
/// reason, resolver, agent id) and, for messages, the sentiment already scored.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.timeline-entry")]
public sealed record TimelineEntry(DateTimeOffset Timestamp, long Arrival, string Type, string? Value = null, int? Sentiment = null);
