namespace ContactOS.Silo.Live;

/// <summary>
/// Told by ingestion that a tenant's figures may have changed (its events reached the grains). Must return at once:
/// it sits on the ingestion path, and a tenant nobody watches must cost next to nothing.
/// </summary>
internal interface ITenantChangeNotifier
{
    void Notify(string tenantId);
}
