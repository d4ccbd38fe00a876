using System.Globalization;

namespace ContactOS.Storage;

/// <summary>ETags are the row's integer version as text: "1" after the first write, then "2", "3", ...</summary>
internal static class VersionETag
{
    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Null stays null ("nothing stored"). False for text this store never issued: it cannot match any row, so the
    /// caller gets the same answer as for any other stale ETag.
    /// </summary>
    public static bool TryParse(string? eTag, out long? version)
    {
        version = null;
        if (eTag is null)
        {
            return true;
        }

        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        version = parsed;
        return true;
    }
}
