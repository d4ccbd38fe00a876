namespace ContactOS.Storage.EventLog;

/// <summary>
/// A time as the event log's SQLite columns hold it: the text Microsoft.Data.Sqlite writes for a <see cref="DateTime"/>
/// (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>: the fraction without its trailing zeros, and without the dot when it is zero),
/// written as UTF-8 into a buffer instead of a new string per value. Rows written either way read back the same and
/// compare the same.
/// </summary>
internal static class SqliteTimeText
{
    /// <summary>The longest text: <c>yyyy-MM-dd HH:mm:ss.fffffff</c>.</summary>
    public const int MaxLength = 27;

    /// <summary>Writes <paramref name="time"/> to <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); returns the length.</summary>
    public static int Write(DateTime time, Span<byte> destination)
    {
        if (destination.Length < MaxLength)
        {
            throw new ArgumentException($"The destination needs {MaxLength} bytes.", nameof(destination));
        }

        WriteDigits(destination[..4], time.Year);
        destination[4] = (byte)'-';
        WriteDigits(destination.Slice(5, 2), time.Month);
        destination[7] = (byte)'-';
        WriteDigits(destination.Slice(8, 2), time.Day);
        destination[10] = (byte)' ';
        WriteDigits(destination.Slice(11, 2), time.Hour);
        destination[13] = (byte)':';
        WriteDigits(destination.Slice(14, 2), time.Minute);
        destination[16] = (byte)':';
        WriteDigits(destination.Slice(17, 2), time.Second);
        var fraction = (int)(time.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }

        destination[19] = (byte)'.';
        WriteDigits(destination.Slice(20, 7), fraction);
        var length = MaxLength;
        while (destination[length - 1] == (byte)'0')
        {
            length--;
        }

        return length;
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var index = destination.Length - 1; index >= 0; index--)
        {
            destination[index] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
