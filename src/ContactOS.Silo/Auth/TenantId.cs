using System.Text.RegularExpressions;

namespace ContactOS.Silo.Auth;

/// <summary>The shape of a tenant id: 1 to 64 of a-z, 0-9, '-' and '_' (it appears in URLs, keys and logs).</summary>
public static partial class TenantId
{
    public const string Rule = "1 to 64 characters of a-z, 0-9, '-' and '_'";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
