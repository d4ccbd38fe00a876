using System.Security.Claims;

namespace ContactOS.Silo.Auth;

public static class TenantClaimsPrincipalExtensions
{
    /// <summary>
    /// The caller's tenant: scope every read and write with it (<c>httpContext.User.GetTenantId()</c>). Only for
    /// endpoints that require authorization; authentication has already refused any principal without exactly one
    /// valid tenant, so a missing one here is a defect (an endpoint without <c>RequireAuthorization</c>).
    /// </summary>
    public static string GetTenantId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return FindTenantId(user) ?? throw new InvalidOperationException(
            "The caller has no tenant: the endpoint must require authorization (e.g. AuthPolicies.Viewer).");
    }

    /// <summary>The tenant when the principal carries exactly one valid tenant claim; null otherwise.</summary>
    internal static string? FindTenantId(ClaimsPrincipal user)
    {
        var tenants = user.FindAll(ContactOSClaims.Tenant).Select(claim => claim.Value).Distinct(StringComparer.Ordinal).ToList();
        return tenants is [var tenant] && TenantId.IsValid(tenant) ? tenant : null;
    }

    /// <summary>The caller's roles, as listed in its claims.</summary>
    public static IReadOnlyList<string> GetRoles(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(ContactOSClaims.Role).Select(claim => claim.Value).Distinct(StringComparer.Ordinal).ToList();
    }
}
