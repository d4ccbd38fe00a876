namespace ContactOS.Grains.Ingestion;

/// <summary>
/// Events of one tenant that a front has just appended to the event log, with their positions, in position order. The
/// pipeline grain applies them without reading them back; the log stays the reference for anything they leave out.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.appended-events")]
public sealed record AppendedEvents(PipelineEvent[] Events);
