using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Auth;

/// <summary>
/// <c>X-Api-Key: cos_...</c> authenticates as role <see cref="AuthRoles.Ingest"/> of the key's tenant, nothing more.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyValidator validator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values is not [{ Length: > 0 } presented])
        {
            return AuthenticateResult.Fail($"Send exactly one {HeaderName} header.");
        }

        // The failure text is logged by the framework: it never contains the presented key.
        var key = await validator.ValidateAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ContactOSClaims.Subject, $"api-key:{key.Id}"),
                new Claim(ContactOSClaims.Tenant, key.TenantId),
                new Claim(ContactOSClaims.Role, AuthRoles.Ingest),
            ],
            SchemeName,
            ContactOSClaims.Subject,
            ContactOSClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
