namespace ContactOS.Silo.Auth;

/// <summary>The <c>Auth:Jwt</c> section: how bearer tokens are validated (and how dev tokens are signed).</summary>
internal sealed class JwtOptions
{
    public const string SectionName = "Auth:Jwt";

    /// <summary>Shortest accepted signing key, in UTF-8 bytes: HMAC-SHA256 wants at least its output size.</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>The <c>iss</c> every token must carry.</summary>
    public string Issuer { get; set; } = "contactos";

    /// <summary>The <c>aud</c> every token must carry.</summary>
    public string Audience { get; set; } = "contactos";

    /// <summary>HMAC-SHA256 key (its UTF-8 bytes). A secret: never logged.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Tolerance for clock differences on <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
}
