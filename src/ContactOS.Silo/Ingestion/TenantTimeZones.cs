using System.Collections.Concurrent;
using ContactOS.Analytics.Settings;
using ContactOS.Grains.Ingestion;
using ContactOS.Storage.Tenants;

namespace ContactOS.Silo.Ingestion;

/// <summary>
/// Tenants' settings as ingestion and queries need them, read from the tenant directory and kept for a minute:
/// ingestion needs the zone on every request, and every analytics query its settings, and neither must pay a database
/// round trip for them. A changed setting applies once the cache entry expires here; the process that stores new
/// settings forgets its entry at once (<see cref="Forget"/>), and has the tenant's figures rebuilt in a new zone.
/// </summary>
internal sealed class TenantTimeZones(ITenantDirectory directory, TimeProvider timeProvider) : ITenantTimeZones
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (TenantSettings Settings, DateTimeOffset Expires)> _settings = new(StringComparer.Ordinal);

    /// <summary>Drops the cached settings of <paramref name="tenantId"/>: they changed.</summary>
    public void Forget(string tenantId) => _settings.TryRemove(tenantId, out _);

    /// <summary>The tenant's IANA time zone id.</summary>
    public async ValueTask<string> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        (await GetSettingsAsync(tenantId, cancellationToken)).TimeZone;

    /// <summary>The settings the tenant's analytics read at query time.</summary>
    public async ValueTask<AnalyticsSettings> GetAnalyticsSettingsAsync(string tenantId, CancellationToken cancellationToken) =>
        ToAnalyticsSettings((await GetSettingsAsync(tenantId, cancellationToken)).Analytics);

    /// <summary>The stored form of the settings as the analytics take them.</summary>
    private static AnalyticsSettings ToAnalyticsSettings(TenantAnalyticsSettings stored) => new(
        stored.ReopenWindowHours,
        stored.AbandonAfterHours,
        stored.LowConfidenceThreshold,
        stored.FallbackIntents,
        stored.Currency,
        stored.AgentCostPerHour,
        stored.CostPerHumanConversation,
        stored.MonthlyBudget);

    private async ValueTask<TenantSettings> GetSettingsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_settings.TryGetValue(tenantId, out var cached) && cached.Expires > now)
        {
            return cached.Settings;
        }

        var settings = await directory.GetAsync(tenantId, cancellationToken);
        _settings[tenantId] = (settings, now + s_lifetime);
        return settings;
    }
}
