namespace ContactOS.Storage.Tenants;

/// <summary>Tenant settings (display name, time zone, language). Every call is scoped to one tenant id.</summary>
public interface ITenantDirectory
{
    /// <summary>The tenant's stored settings, or <see cref="TenantSettings.Default"/> when it never stored any.</summary>
    Task<TenantSettings> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the tenant's display name, time zone and language, creating its row when missing. The caller validates the
    /// time zone id and the language; the store keeps them as given.
    /// </summary>
    Task<TenantSettings> UpsertAsync(string tenantId, string displayName, string timeZone, string language, CancellationToken cancellationToken);
}
