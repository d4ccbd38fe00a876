namespace ContactOS.Silo.Demo;

/// <summary>The demo tenants: three contact centres in three time zones, one of them half Spanish-speaking.</summary>
internal static class DemoTenants
{
    public static IReadOnlyList<DemoTenant> All { get; } =
    [
        new("acme", "Acme Telecom", "UTC"),
        new("iberia", "Iberia Seguros", "Europe/Madrid"),
        new("kolkata", "Kolkata Retail", "Asia/Kolkata"),
    ];
}
