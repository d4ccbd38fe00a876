namespace ContactOS.Grains.Ingestion;

/// <summary>
/// Events of one tenant that a front has just appended to the event log, with their positions, in position order. The
/// pipeline grain applies them without reading them back; the log stays the reference for anything they leave out.
/// </summary>
/// <param name="After">
/// When 0 or more: the events are all of the tenant's in the log between this position and the last of them, as the
/// writer saw it (<c>AppendResult.Preceding</c>), so a pipeline that has applied through it needs no read to know nothing
/// is missing. -1 when the sender cannot say.
/// </param>
[GenerateSerializer, Immutable, Alias("contactos.appended-events")]
public sealed record AppendedEvents(PipelineEvent[] Events, long After = -1);
