namespace ContactOS.Analytics.Periods;

/// <summary>
/// Local hour and day boundaries of a time zone, as instants. A local hour bucket is a stretch of time with one local
/// hour on the clock and one UTC offset, so a day when the clocks go back has 25 of them and a day when they go
/// forward 23; zones with offsets such as +05:30 or +05:45 get boundaries at :30 or :15 past the UTC hour. A local
/// day starts at the first instant whose local date is that day (local midnight, or the end of a gap that skips it).
/// </summary>
public static class TenantCalendar
{
    // Every UTC offset in the time zone database lies within ±15 h, so a local midnight is found within this reach.
    private static readonly TimeSpan s_maxOffset = TimeSpan.FromHours(15);

    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return instant.ToOffset(zone.GetUtcOffset(instant));
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(instant, zone).DateTime);

    /// <summary>The first instant whose local date is <paramref name="date"/> or later.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnightAsUtc = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Fast path: local midnight exists once and is preceded by the previous date.
        var guess = midnightAsUtc - zone.GetUtcOffset(midnightAsUtc - zone.BaseUtcOffset);
        if (LocalDate(guess, zone) >= date && LocalDate(guess.AddSeconds(-1), zone) < date)
        {
            return ToLocal(guess, zone);
        }

        // Local date never decreases as time goes on, so the first instant of the day can be searched for.
        var start = FirstSecond(midnightAsUtc - s_maxOffset, midnightAsUtc + s_maxOffset, t => LocalDate(t, zone) >= date);
        return ToLocal(start, zone);
    }

    /// <summary>The start of the bucket that contains <paramref name="instant"/>.</summary>
    public static DateTimeOffset BucketStart(DateTimeOffset instant, BucketInterval interval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (interval == BucketInterval.Day)
        {
            return StartOfDay(LocalDate(instant, zone), zone);
        }

        var offset = zone.GetUtcOffset(instant);
        var local = instant.ToOffset(offset);
        var hour = new DateTimeOffset(local.Ticks - (local.Ticks % TimeSpan.TicksPerHour), offset);
        if (zone.GetUtcOffset(hour) == offset)
        {
            return ToLocal(hour, zone);
        }

        // The offset changed within this local hour (only where a change is not a whole hour, such as
        // Australia/Lord_Howe): the bucket starts at the change.
        return ToLocal(FirstSecondWhereOffset(hour, instant, zone, offset, isOffset: true), zone);
    }

    // Apart from the callers: a lambda's captured variables would otherwise be allocated on every call, the usual
    // case included.
    private static DateTimeOffset FirstSecondWhereOffset(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, TimeSpan offset, bool isOffset)
        => FirstSecond(from, to, t => (zone.GetUtcOffset(t) == offset) == isOffset);

    /// <summary>The start of the bucket after the one that contains <paramref name="instant"/>.</summary>
    public static DateTimeOffset NextBucketStart(DateTimeOffset instant, BucketInterval interval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (interval == BucketInterval.Day)
        {
            return StartOfDay(LocalDate(instant, zone).AddDays(1), zone);
        }

        var offset = zone.GetUtcOffset(instant);
        var local = instant.ToOffset(offset);
        var next = new DateTimeOffset(local.Ticks - (local.Ticks % TimeSpan.TicksPerHour) + TimeSpan.TicksPerHour, offset);
        if (zone.GetUtcOffset(next) == offset)
        {
            return ToLocal(next, zone);
        }

        // The clocks change before the next local hour: a new bucket starts at the change.
        return ToLocal(FirstSecondWhereOffset(instant, next, zone, offset, isOffset: false), zone);
    }

    /// <summary>The start of the bucket before the one that contains <paramref name="instant"/>.</summary>
    public static DateTimeOffset PreviousBucketStart(DateTimeOffset instant, BucketInterval interval, TimeZoneInfo zone) =>
        BucketStart(BucketStart(instant, interval, zone).AddTicks(-1), interval, zone);

    /// <summary>The bucket start at or after <paramref name="instant"/>: the instant itself when it is on the grid.</summary>
    public static DateTimeOffset RoundUp(DateTimeOffset instant, BucketInterval interval, TimeZoneInfo zone)
    {
        var start = BucketStart(instant, interval, zone);
        return start == instant ? start : NextBucketStart(instant, interval, zone);
    }

    /// <summary>The bucket start <paramref name="count"/> buckets away from <paramref name="bucketStart"/> (back when negative).</summary>
    public static DateTimeOffset Step(DateTimeOffset bucketStart, int count, BucketInterval interval, TimeZoneInfo zone)
    {
        var start = BucketStart(bucketStart, interval, zone);
        for (var i = 0; i < Math.Abs(count); i++)
        {
            start = count > 0 ? NextBucketStart(start, interval, zone) : PreviousBucketStart(start, interval, zone);
        }

        return start;
    }

    /// <summary>The starts of the buckets covering <c>[from, to)</c>; the first is the bucket containing <paramref name="from"/>.</summary>
    public static IEnumerable<DateTimeOffset> BucketStarts(DateTimeOffset from, DateTimeOffset to, BucketInterval interval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (from >= to)
        {
            yield break;
        }

        var start = BucketStart(from, interval, zone);
        while (start < to)
        {
            yield return start;
            start = NextBucketStart(start, interval, zone);
        }
    }

    // The first whole second in (low, high] where the predicate holds, given that it is false at low, true at high and
    // switches once. Time zone transitions fall on whole seconds.
    private static DateTimeOffset FirstSecond(DateTimeOffset low, DateTimeOffset high, Func<DateTimeOffset, bool> predicate)
    {
        var lowSeconds = FloorSeconds(low);
        var highSeconds = FloorSeconds(high);
        while (highSeconds - lowSeconds > 1)
        {
            var middle = lowSeconds + ((highSeconds - lowSeconds) / 2);
            if (predicate(FromSeconds(middle)))
            {
                highSeconds = middle;
            }
            else
            {
                lowSeconds = middle;
            }
        }

        var result = FromSeconds(highSeconds);
        return result > high ? high : result;
    }

    private static long FloorSeconds(DateTimeOffset instant) => instant.UtcTicks / TimeSpan.TicksPerSecond;

    private static DateTimeOffset FromSeconds(long seconds) => new(seconds * TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
