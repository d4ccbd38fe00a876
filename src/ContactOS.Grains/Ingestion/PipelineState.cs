namespace ContactOS.Grains.Ingestion;

/// <summary>What a tenant's pipeline grain stores: the events it had to set aside.</summary>
[GenerateSerializer, Alias("contactos.pipeline-state")]
public sealed class PipelineState
{
    [Id(0)]
    public List<SetAsideEvent> SetAside { get; set; } = [];
}
