namespace ContactOS.Analytics.Ingestion;

/// <summary>The fields of the event contract, as slots of <see cref="EventFields"/>.</summary>
internal enum EventField
{
    Id,
    Type,
    Timestamp,
    ConversationId,
    AgentId,
    Channel,
    Role,
    Text,
    Sentiment,
    Tokens,
    Cost,
    Model,
    Intent,
    Confidence,
    Tool,
    Success,
    LatencyMs,
    Reason,
    By,
    Csat,
    Nps,
    Status,
    DisplayName,
    Count,
}
