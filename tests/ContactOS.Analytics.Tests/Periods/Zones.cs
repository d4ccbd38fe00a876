namespace ContactOS.Analytics.Tests.Periods;

internal static class Zones
{
    public static TimeZoneInfo Utc { get; } = TimeZoneInfo.Utc;

    public static TimeZoneInfo Madrid { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static TimeZoneInfo Kolkata { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    public static TimeZoneInfo Kathmandu { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");

    public static TimeZoneInfo Santiago { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

    public static TimeZoneInfo LordHowe { get; } = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
