using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContactOS.Silo.Tests.Auth;

/// <summary>
/// Hand-made HS256 JWTs, so tests can make tokens the silo must refuse (wrong key, expired, no tenant) without any
/// JWT library: a token is base64url(header).base64url(payload).base64url(HMAC-SHA256 of the two).
/// </summary>
internal static class TestTokens
{
    public const string Issuer = "contactos";
    public const string Audience = "contactos";

    public static string Create(
        string signingKey,
        string? tenant,
        string[] roles,
        DateTimeOffset? expiresAt = null,
        string issuer = Issuer,
        string audience = Audience)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "test-user",
            ["iss"] = issuer,
            ["aud"] = audience,
            ["role"] = roles,
            ["iat"] = now.AddHours(-9).ToUnixTimeSeconds(),
            ["nbf"] = now.AddHours(-9).ToUnixTimeSeconds(),
            ["exp"] = (expiresAt ?? now.AddHours(1)).ToUnixTimeSeconds(),
        };
        if (tenant is not null)
        {
            claims["tenant"] = tenant;
        }

        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
