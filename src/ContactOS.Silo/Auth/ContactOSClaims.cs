namespace ContactOS.Silo.Auth;

/// <summary>Claim types ContactOS reads, as they appear in a JWT (no mapping to the long XML-namespace names).</summary>
public static class ContactOSClaims
{
    /// <summary>The one tenant a principal acts for.</summary>
    public const string Tenant = "tenant";

    /// <summary>A role (<see cref="AuthRoles"/>); one claim per role.</summary>
    public const string Role = "role";

    /// <summary>Who the principal is: the JWT subject, or <c>api-key:{id}</c>.</summary>
    public const string Subject = "sub";
}
