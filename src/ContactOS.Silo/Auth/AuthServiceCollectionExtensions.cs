using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ContactOS.Silo.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>Chooses the scheme per request: an <c>X-Api-Key</c> header means API key, anything else bearer.</summary>
    private const string SelectorScheme = "ContactOS";

    private const string HubsPath = "/hubs";
    private const string AccessTokenQuery = "access_token";

    /// <summary>
    /// JWT bearer (<c>Auth:Jwt</c>) and per-tenant API keys, the <see cref="AuthPolicies"/>, and what the auth
    /// endpoints use. Needs the tenant store (<c>AddContactOSTenantStore</c>).
    /// </summary>
    public static IServiceCollection AddContactOSAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JwtSigningKey>();
        services.AddSingleton<DevTokenIssuer>();
        services.AddSingleton<ApiKeyValidator>();
        services.AddHostedService<AuthStartupLog>();

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, displayName: null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, JwtSigningKey>(ConfigureBearer);

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Viewer, policy => RequireTenantAndRole(policy, AuthRoles.Viewer, AuthRoles.Admin))
            .AddPolicy(AuthPolicies.Admin, policy => RequireTenantAndRole(policy, AuthRoles.Admin))
            .AddPolicy(AuthPolicies.Ingest, policy => RequireTenantAndRole(policy, AuthRoles.Ingest, AuthRoles.Admin))
            .AddPolicy(AuthPolicies.Operator, policy => RequireTenantAndRole(policy, AuthRoles.Operator));
        return services;
    }

    private static void RequireTenantAndRole(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.RequireAuthenticatedUser().RequireClaim(ContactOSClaims.Tenant).RequireRole(roles);

    private static void ConfigureBearer(JwtBearerOptions bearer, IOptions<JwtOptions> options, JwtSigningKey signingKey)
    {
        var jwt = options.Value;
        // Claims keep their JWT names ("role", "tenant") instead of being renamed to XML-namespace URIs.
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = signingKey.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = jwt.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            NameClaimType = ContactOSClaims.Subject,
            RoleClaimType = ContactOSClaims.Role,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // Browsers cannot set headers on WebSocket (SignalR) connections; they send the token in the query.
                if (context.HttpContext.Request.Path.StartsWithSegments(HubsPath) &&
                    context.Request.Query[AccessTokenQuery] is [{ Length: > 0 } token])
                {
                    context.Token = token;
                }

                // A browser opening the Orleans Dashboard sends no header: the operator's session cookie carries the token.
                else if (context.HttpContext.Request.Path.StartsWithSegments(OperatorSession.DashboardPath) &&
                    context.Request.Cookies[OperatorSession.CookieName] is { Length: > 0 } cookie)
                {
                    context.Token = cookie;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                // Every data access is scoped by the tenant: a token without exactly one valid tenant is worthless.
                if (context.Principal is null || TenantClaimsPrincipalExtensions.FindTenantId(context.Principal) is null)
                {
                    context.Fail($"The token must carry exactly one '{ContactOSClaims.Tenant}' claim ({TenantId.Rule}).");
                }

                return Task.CompletedTask;
            },
        };
    }
}
