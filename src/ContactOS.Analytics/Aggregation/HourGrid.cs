namespace ContactOS.Analytics.Aggregation;

/// <summary>Maps instants to the start of their local hour in a tenant's time zone (as UTC ticks).</summary>
public static class HourGrid
{
    public static long HourStartTicks(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var hourStart = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        return hourStart.UtcTicks;
    }
}
