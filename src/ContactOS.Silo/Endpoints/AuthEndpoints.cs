using System.Security.Claims;
using ContactOS.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

internal static class AuthEndpoints
{
    /// <summary>
    /// <c>GET /api/v2/auth/whoami</c>: the caller's tenant, roles and subject (any authenticated principal).
    /// <c>POST /api/v2/auth/dev-token</c>: a signed 8 h token for any tenant and roles; mapped only in demo mode
    /// (Development environment or <c>Demo:Enabled=true</c>), otherwise the route does not exist.
    /// </summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v2/auth").WithTags(ApiTags.Auth);
        auth.MapGet("/whoami", WhoAmI).RequireAuthorization().WithSummary("The caller's tenant, roles and subject");

        var services = endpoints.ServiceProvider;
        if (DemoMode.IsOn(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()))
        {
            auth.MapPost("/dev-token", IssueDevToken).AllowAnonymous()
                .WithSummary("Demo mode only: a signed 8-hour token for a tenant and roles");
        }

        return endpoints;
    }

    private static Ok<WhoAmIResponse> WhoAmI(ClaimsPrincipal user) =>
        TypedResults.Ok(new WhoAmIResponse(user.GetTenantId(), user.GetRoles(), user.FindFirstValue(ContactOSClaims.Subject)));

    private static Results<Ok<DevTokenResponse>, ValidationProblem> IssueDevToken(DevTokenRequest request, DevTokenIssuer issuer)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!TenantId.IsValid(request.Tenant))
        {
            errors["tenant"] = [$"tenant must be {TenantId.Rule}."];
        }

        var roles = request.Roles ?? [];
        if (roles.Length == 0 || roles.Any(role => !AuthRoles.All.Contains(role, StringComparer.Ordinal)))
        {
            errors["roles"] = [$"roles must list one or more of: {string.Join(", ", AuthRoles.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The dev-token request is invalid: " + string.Join(" ", errors.Values.SelectMany(e => e)));
        }

        var (token, expiresAt) = issuer.Issue(request.Tenant!, roles.Distinct(StringComparer.Ordinal).ToList());
        return TypedResults.Ok(new DevTokenResponse(token, expiresAt));
    }

    internal sealed record DevTokenRequest(string? Tenant, string[]? Roles);

    internal sealed record DevTokenResponse(string Token, DateTimeOffset ExpiresAt);

    internal sealed record WhoAmIResponse(string Tenant, IReadOnlyList<string> Roles, string? Subject);
}
