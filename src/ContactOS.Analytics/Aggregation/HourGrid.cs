using ContactOS.Analytics.Periods;

namespace ContactOS.Analytics.Aggregation;

/// <summary>Maps instants to the bucket key of their local hour in a tenant's time zone (UTC ticks of its start).</summary>
public static class HourGrid
{
    public static long HourStartTicks(DateTimeOffset instant, TimeZoneInfo zone)
        => TenantCalendar.BucketStart(instant, BucketInterval.Hour, zone).UtcTicks;

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
