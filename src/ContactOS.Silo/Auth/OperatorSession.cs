using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ContactOS.Silo.Auth;

/// <summary>
/// The Orleans Dashboard is a web page: a browser opening <c>/orleans</c> cannot send a bearer header. An operator
/// posts their token to <c>POST /api/v2/auth/operator-session</c> once; the answer sets it as an HTTP-only cookie scoped
/// to <c>/orleans</c>, which the bearer handler reads there and nowhere else.
/// </summary>
internal static class OperatorSession
{
    public const string DashboardPath = "/orleans";

    public const string CookieName = "contactos_operator";

    public static IEndpointRouteBuilder MapOperatorSession(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v2/auth/operator-session", (HttpContext context) =>
            {
                var token = context.Request.Headers.Authorization.ToString()[JwtBearerDefaults.AuthenticationScheme.Length..].Trim();
                context.Response.Cookies.Append(CookieName, token, new CookieOptions
                {
                    Path = DashboardPath,
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Strict,
                });
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthPolicies.Operator)
            .WithTags(Endpoints.ApiTags.Auth)
            .WithSummary("Opens the Orleans Dashboard for this browser: the operator's bearer token becomes a cookie for /orleans");
        return endpoints;
    }
}
