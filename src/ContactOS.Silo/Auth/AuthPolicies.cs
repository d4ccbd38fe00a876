namespace ContactOS.Silo.Auth;

/// <summary>
/// Authorization policies for endpoints: <c>.RequireAuthorization(AuthPolicies.Viewer)</c>. Each also requires a
/// tenant, which every authenticated principal carries (<see cref="TenantClaimsPrincipalExtensions.GetTenantId"/>).
/// </summary>
public static class AuthPolicies
{
    /// <summary>Read access: role viewer or admin.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Tenant administration: role admin.</summary>
    public const string Admin = "Admin";

    /// <summary>Event ingestion: role ingest (JWT or API key) or admin.</summary>
    public const string Ingest = "Ingest";

    /// <summary>Cluster operations (the Orleans Dashboard): role operator.</summary>
    public const string Operator = "Operator";

    /// <summary>The Prometheus scrape at <c>/metrics</c>: role operator, or a caller from <c>Telemetry:Metrics:AllowedNetworks</c>.</summary>
    public const string Metrics = "Metrics";
}
