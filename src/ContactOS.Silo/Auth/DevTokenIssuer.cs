using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ContactOS.Silo.Auth;

/// <summary>Signs tokens for local use and demos (<c>POST /api/v2/auth/dev-token</c>) with the configured key.</summary>
internal sealed class DevTokenIssuer(JwtSigningKey signingKey, IOptions<JwtOptions> options, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(string tenantId, IReadOnlyCollection<string> roles)
    {
        var now = timeProvider.GetUtcNow();
        var expiresAt = now + Lifetime;
        var jwt = options.Value;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [ContactOSClaims.Subject] = $"dev:{tenantId}",
                [ContactOSClaims.Tenant] = tenantId,
                [ContactOSClaims.Role] = roles.ToArray(),
            },
        });
        return (token, expiresAt);
    }
}
