using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ContactOS.Silo.Auth;

/// <summary>
/// API key format: <c>cos_</c> + 32 random bytes in base64url. With that much entropy a plain SHA-256 is the right
/// stored form (no salt or slow hash needed: there is nothing to guess), and it keeps the per-request check cheap.
/// </summary>
internal static class ApiKeySecret
{
    public const string Prefix = "cos_";

    private const int SecretBytes = 32;
    private const int DisplayedSecretChars = 6;
    private static readonly int s_keyLength = Prefix.Length + Base64Url.GetEncodedLength(SecretBytes);

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The part stored in clear to recognise a key in a list, e.g. <c>cos_Ab3dE9</c>.</summary>
    public static string DisplayPrefix(string key) => key[..(Prefix.Length + DisplayedSecretChars)];

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>False for anything that cannot be a key, so garbage never reaches the database.</summary>
    public static bool HasKeyShape(string key) =>
        key.Length == s_keyLength && key.StartsWith(Prefix, StringComparison.Ordinal) && Base64Url.IsValid(key.AsSpan(Prefix.Length));
}
