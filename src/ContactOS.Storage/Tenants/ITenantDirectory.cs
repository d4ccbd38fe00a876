namespace ContactOS.Storage.Tenants;

/// <summary>
/// Tenant settings (display name, time zone, language, the analytics' settings). Every call is scoped to one tenant id.
/// </summary>
public interface ITenantDirectory
{
    /// <summary>The tenant's stored settings, or <see cref="TenantSettings.Default"/> when it never stored any.</summary>
    Task<TenantSettings> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the tenant's display name, time zone, language and analytics settings, creating its row when missing. The
    /// caller validates them; the store keeps them as given, except that money it cannot keep exactly (more than 6
    /// decimals, or beyond what 64 bits of millionths hold) is refused with <see cref="ArgumentException"/>.
    /// </summary>
    Task<TenantSettings> UpsertAsync(
        string tenantId, string displayName, string timeZone, string language, TenantAnalyticsSettings analytics,
        CancellationToken cancellationToken);
}
