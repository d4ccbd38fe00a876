namespace ContactOS.Silo.Auth;

/// <summary>The roles a principal can carry (claim <see cref="ContactOSClaims.Role"/>).</summary>
public static class AuthRoles
{
    /// <summary>Reads the tenant's dashboards and analytics.</summary>
    public const string Viewer = "viewer";

    /// <summary>Everything a viewer and an ingest client can do, plus the tenant's settings and API keys.</summary>
    public const string Admin = "admin";

    /// <summary>Sends events for the tenant (platform integrations; what an API key authenticates as).</summary>
    public const string Ingest = "ingest";

    /// <summary>
    /// Operates the cluster: the Orleans Dashboard at <c>/orleans</c>. It shows every tenant's grains, so a tenant's
    /// admin role does not grant it: operators get tokens with this role.
    /// </summary>
    public const string Operator = "operator";

    public static IReadOnlyList<string> All { get; } = [Viewer, Admin, Ingest, Operator];
}
