namespace ContactOS.Storage.Tenants;

/// <summary>A tenant's settings. <paramref name="CreatedAt"/> is null for a tenant that never stored any (the defaults).</summary>
/// <param name="TenantId">The tenant id, as in the <c>tenant</c> claim.</param>
/// <param name="DisplayName">Name shown on the dashboard; the tenant id until set.</param>
/// <param name="TimeZone">IANA time zone id that "today" and daily buckets use; <c>UTC</c> until set.</param>
/// <param name="Language">Default language of the tenant's dashboard, a BCP-47 primary tag; <c>en</c> until set.</param>
/// <param name="CreatedAt">When the tenant's row was first stored.</param>
public sealed record TenantSettings(string TenantId, string DisplayName, string TimeZone, string Language, DateTimeOffset? CreatedAt)
{
    /// <summary>The settings the analytics read at query time; <see cref="TenantAnalyticsSettings.Default"/> until set.</summary>
    public TenantAnalyticsSettings Analytics { get; init; } = TenantAnalyticsSettings.Default;

    /// <summary>The time zone of a tenant that has not chosen one.</summary>
    public const string DefaultTimeZone = "UTC";

    /// <summary>The language of a tenant that has not chosen one.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>What a tenant without a stored row gets.</summary>
    public static TenantSettings Default(string tenantId) => new(tenantId, tenantId, DefaultTimeZone, DefaultLanguage, null);
}
