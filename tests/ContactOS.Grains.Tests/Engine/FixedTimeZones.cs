using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>Tenant time zones from a table (UTC for tenants not in it).</summary>
internal sealed class FixedTimeZones(IReadOnlyDictionary<string, string> zones) : ITenantTimeZones
{
    public ValueTask<string> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(zones.GetValueOrDefault(tenantId, "UTC"));
}
