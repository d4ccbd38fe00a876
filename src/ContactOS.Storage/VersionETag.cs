using System.Globalization;

namespace ContactOS.Storage;

/// <summary>
/// ETags are the row's integer version as text. A row's first write starts a new generation at a random version,
/// and each later write adds one. Because a clear deletes the row, starting every generation at 1 would let an
/// activation still holding "1" from before the clear overwrite the new state; a random start (53 bits) makes a
/// stale ETag from an earlier generation match by chance only.
/// </summary>
internal static class VersionETag
{
    public static long NewGeneration() => Random.Shared.NextInt64(1, 1L << 53);

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
