using ContactOS.Analytics.Events;

namespace ContactOS.Grains.Ingestion;

/// <summary>A durable event and its event-log position, as the pipeline routes it.</summary>
[GenerateSerializer, Immutable, Alias("contactos.pipeline-event")]
public sealed record PipelineEvent(ContactEvent Event, long Position);
