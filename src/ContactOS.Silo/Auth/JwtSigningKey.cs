using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ContactOS.Silo.Auth;

/// <summary>
/// The HMAC-SHA256 key that validates bearer tokens and signs dev tokens: <c>Auth:Jwt:SigningKey</c>, or in demo mode
/// without one a random key for this process only (start-up validation refuses a missing key outside demo mode).
/// </summary>
internal sealed class JwtSigningKey(IOptions<JwtOptions> options)
{
    private readonly Lazy<(SymmetricSecurityKey Key, bool Generated)> _key = new(() =>
        options.Value.SigningKey is { Length: > 0 } configured
            ? (new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured)), false)
            : (new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(JwtOptions.MinimumSigningKeyBytes)), true));

    public SecurityKey Key => _key.Value.Key;

    /// <summary>True when no key was configured and this process made one up: its tokens die with it.</summary>
    public bool IsGenerated => _key.Value.Generated;
}
