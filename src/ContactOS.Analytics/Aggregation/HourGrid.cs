using ContactOS.Analytics.Periods;

namespace ContactOS.Analytics.Aggregation;

/// <summary>Maps instants to the bucket key of their local hour in a tenant's time zone (UTC ticks of its start).</summary>
public static class HourGrid
{
    public static long HourStartTicks(DateTimeOffset instant, TimeZoneInfo zone)
        => TenantCalendar.BucketStart(instant, BucketInterval.Hour, zone).UtcTicks;
}
