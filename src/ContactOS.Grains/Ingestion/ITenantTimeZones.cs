namespace ContactOS.Grains.Ingestion;

/// <summary>Each tenant's IANA time zone (its setting, UTC by default), which places events in local-hour buckets.</summary>
public interface ITenantTimeZones
{
    ValueTask<string> GetAsync(string tenantId, CancellationToken cancellationToken);
}
