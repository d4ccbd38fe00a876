namespace ContactOS.Grains.Ingestion;

/// <summary>
/// A durable event the grains could not apply: the tenant's other events carry on without it, and its admin sees it
/// here with the reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.set-aside-event")]
public sealed record SetAsideEvent(long Position, string EventId, string Type, DateTimeOffset Timestamp, string Reason);
