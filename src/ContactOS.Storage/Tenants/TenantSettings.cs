namespace ContactOS.Storage.Tenants;

/// <summary>A tenant's settings. <paramref name="CreatedAt"/> is null for a tenant that never stored any (the defaults).</summary>
/// <param name="TenantId">The tenant id, as in the <c>tenant</c> claim.</param>
/// <param name="DisplayName">Name shown on the dashboard; the tenant id until set.</param>
/// <param name="TimeZone">IANA time zone id that "today" and daily buckets use; <c>UTC</c> until set.</param>
/// <param name="CreatedAt">When the tenant's row was first stored.</param>
public sealed record TenantSettings(string TenantId, string DisplayName, string TimeZone, DateTimeOffset? CreatedAt)
{
    /// <summary>The time zone of a tenant that has not chosen one.</summary>
    public const string DefaultTimeZone = "UTC";

    /// <summary>What a tenant without a stored row gets.</summary>
    public static TenantSettings Default(string tenantId) => new(tenantId, tenantId, DefaultTimeZone, null);
}
