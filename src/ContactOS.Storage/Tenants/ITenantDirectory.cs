namespace ContactOS.Storage.Tenants;

/// <summary>Tenant settings (display name, time zone). Every call is scoped to one tenant id.</summary>
public interface ITenantDirectory
{
    /// <summary>The tenant's stored settings, or <see cref="TenantSettings.Default"/> when it never stored any.</summary>
    Task<TenantSettings> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the tenant's display name and time zone, creating its row when missing. The caller validates the
    /// time zone id; the store keeps it as given.
    /// </summary>
    Task<TenantSettings> UpsertAsync(string tenantId, string displayName, string timeZone, CancellationToken cancellationToken);
}
