namespace ContactOS.Grains.Ingestion;

/// <summary>
/// Published on the tenant's live stream when its grains applied new events: the position they are applied through.
/// Fronts with a dashboard of the tenant read its figures then; the stream carries no figures itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.tenant-changed")]
public sealed record TenantChanged(string TenantId, long Position);
