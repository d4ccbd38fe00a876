namespace ContactOS.Grains.Ingestion;

/// <summary>The event-log positions a routed batch spans, first to last (inclusive).</summary>
[GenerateSerializer, Immutable, Alias("contactos.log-range")]
public readonly record struct LogRange(long From, long Through);
