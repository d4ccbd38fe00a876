namespace ContactOS.Silo.Demo;

/// <summary>A tenant that demo mode offers on the sign-in screen and feeds with traffic.</summary>
/// <param name="TenantId">The tenant id, as in the token's <c>tenant</c> claim.</param>
/// <param name="DisplayName">Stored in the tenant directory unless the tenant already has settings.</param>
/// <param name="TimeZone">IANA id: the three demo tenants live in different zones, so "today" differs between them.</param>
internal sealed record DemoTenant(string TenantId, string DisplayName, string TimeZone);
