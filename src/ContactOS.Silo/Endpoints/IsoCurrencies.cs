using System.Collections.Frozen;
using System.Globalization;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// The ISO 4217 codes .NET knows as a country's or region's currency (its <see cref="RegionInfo"/> data), uppercase
/// three letters: the currencies a tenant can report its money in.
/// </summary>
internal static class IsoCurrencies
{
    private static readonly Lazy<FrozenSet<string>> s_codes = new(Load);

    public static bool IsKnown(string code) => s_codes.Value.Contains(code);

    private static FrozenSet<string> Load()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var symbol = new RegionInfo(culture.Name).ISOCurrencySymbol;
                if (symbol.Length == 3 && symbol.All(char.IsAsciiLetterUpper))
                {
                    codes.Add(symbol);
                }
            }
            catch (ArgumentException)
            {
                // A culture without a region of its own (none among specific cultures today) has no currency to offer.
            }
        }

        return codes.ToFrozenSet(StringComparer.Ordinal);
    }
}
