using ContactOS.Analytics.Periods;

namespace ContactOS.Analytics.Aggregation;

/// <summary>Maps instants to the bucket key of their local hour in a tenant's time zone (UTC ticks of its start).</summary>
public static class HourGrid
{
    // The last bucket found on this thread: a conversation's events mostly fall in one or two hours, so most lookups are
    // answered by one offset check instead of a bucket search.
    [ThreadStatic]
    private static (TimeZoneInfo? Zone, long Start, TimeSpan Offset) t_last;

    public static long HourStartTicks(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var last = t_last;
        var ticks = instant.UtcTicks;

        // Same zone, not before the bucket's start, at its offset and on the same local hour of the clock: the same bucket.
        if (ReferenceEquals(last.Zone, zone) && ticks >= last.Start && ticks < last.Start + TimeSpan.TicksPerHour
            && (ticks + last.Offset.Ticks) / TimeSpan.TicksPerHour == (last.Start + last.Offset.Ticks) / TimeSpan.TicksPerHour
            && zone.GetUtcOffset(instant) == last.Offset)
        {
            return last.Start;
        }

        var start = TenantCalendar.BucketStart(instant, BucketInterval.Hour, zone);
        t_last = (zone, start.UtcTicks, zone.GetUtcOffset(instant));
        return start.UtcTicks;
    }

    /// <summary>
    /// The parts of [<paramref name="from"/>, <paramref name="to"/>) in each local hour of <paramref name="zone"/>: the hour's
    /// bucket key and the ticks that fall in it, in order; nothing when the interval is empty.
    /// </summary>
    public static IEnumerable<(long HourTicks, long Ticks)> Split(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var cursor = from;
        while (cursor < to)
        {
            var hour = TenantCalendar.BucketStart(cursor, BucketInterval.Hour, zone);
            var next = TenantCalendar.NextBucketStart(cursor, BucketInterval.Hour, zone);
            var end = next < to ? next : to;
            yield return (hour.UtcTicks, (end - cursor).Ticks);
            cursor = end;
        }
    }
}
