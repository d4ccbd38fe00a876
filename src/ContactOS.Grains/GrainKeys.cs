namespace ContactOS.Grains;

/// <summary>
/// Grain keys of tenant-owned grains start with the tenant id and a slash ("acme/c-42"), so placement by tenant
/// can keep a tenant's grains together and a key can never name another tenant's grain by accident.
/// </summary>
public static class GrainKeys
{
    public static string ForTenant(string tenantId, string id) => $"{tenantId}/{id}";

    public static string TenantOf(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? throw new ArgumentException($"'{key}' is not a tenant-owned grain key (tenant/id).", nameof(key)) : key[..slash];
    }
}
