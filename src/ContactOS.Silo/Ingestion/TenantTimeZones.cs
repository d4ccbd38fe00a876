using System.Collections.Concurrent;
using ContactOS.Grains.Ingestion;
using ContactOS.Storage.Tenants;

namespace ContactOS.Silo.Ingestion;

/// <summary>
/// Tenants' time zones for bucketing, read from the tenant directory and kept for a minute: ingestion needs the zone
/// on every request and must not pay a database round trip for it. A changed zone applies to events ingested after
/// the cache entry expires here; the process that stores a new zone forgets its entry at once (<see cref="Forget"/>) and
/// has the tenant's figures rebuilt in it.
/// </summary>
internal sealed class TenantTimeZones(ITenantDirectory directory, TimeProvider timeProvider) : ITenantTimeZones
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Zone, DateTimeOffset Expires)> _zones = new(StringComparer.Ordinal);

    /// <summary>Drops the cached zone of <paramref name="tenantId"/>: its settings changed.</summary>
    public void Forget(string tenantId) => _zones.TryRemove(tenantId, out _);

    public async ValueTask<string> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_zones.TryGetValue(tenantId, out var cached) && cached.Expires > now)
        {
            return cached.Zone;
        }

        var settings = await directory.GetAsync(tenantId, cancellationToken);
        _zones[tenantId] = (settings.TimeZone, now + s_lifetime);
        return settings.TimeZone;
    }
}
