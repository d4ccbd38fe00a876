using ContactOS.Analytics.Periods;
using ContactOS.Grains.Queries;
using ContactOS.Silo.Ingestion;

namespace ContactOS.Silo.Live;

/// <summary>Reads a tenant's figures for a live period from the grains, as the REST API does.</summary>
internal sealed class LiveFigures(IGrainFactory grains, TenantTimeZones zones, TimeProvider timeProvider)
{
    public async Task<LiveUpdate> ReadAsync(string tenantId, string period, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await zones.GetAsync(tenantId, cancellationToken));
        var now = timeProvider.GetUtcNow();
        var kpis = await TenantAnalytics.KpisAsync(grains, tenantId, PeriodResolver.Resolve(period, now, zone), now);
        return new LiveUpdate(tenantId, period, kpis, await TenantAnalytics.AgentsAsync(grains, tenantId, zone), now);
    }
}
