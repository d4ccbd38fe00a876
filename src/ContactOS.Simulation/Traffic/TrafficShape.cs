namespace ContactOS.Simulation.Traffic;

/// <summary>
/// When conversations start, in the tenant's local time: quiet at night, busiest late morning and early evening, and
/// quieter at weekends. History and live traffic draw from this one shape.
/// </summary>
public static class TrafficShape
{
    /// <summary>A Saturday or Sunday has this share of a weekday's conversations, hour for hour.</summary>
    public const double WeekendFactor = 0.6;

    // Relative conversation volume by local hour: quiet at night, peaks late morning and early evening.
    private static readonly double[] s_hourlyLoad =
    [
        0.10, 0.06, 0.05, 0.05, 0.06, 0.10, 0.20, 0.40, 0.70, 0.90, 1.00, 1.00,
        0.90, 0.80, 0.85, 0.90, 0.95, 0.90, 0.80, 0.60, 0.45, 0.35, 0.25, 0.15,
    ];

    private static readonly double s_dailyLoad = s_hourlyLoad.Sum();

    /// <summary>Load at a local time, 1 at the busiest weekday hours.</summary>
    public static double Load(DateTimeOffset local) =>
        s_hourlyLoad[local.Hour] * (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendFactor : 1.0);

    /// <summary>The share of a weekday's conversations that start per hour at this local time.</summary>
    public static double ShareOfWeekday(DateTimeOffset local) => Load(local) / s_dailyLoad;

    internal static DateTimeOffset Local(this TimeZoneInfo zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>
    /// Conversation start times from <paramref name="from"/> on, without end: a Poisson process whose rate follows
    /// <see cref="TenantModel.ConversationsPerHour"/>, drawn at the peak rate and thinned by the load.
    /// </summary>
    internal static IEnumerable<DateTimeOffset> Arrivals(TenantModel model, DateTimeOffset from, Random random)
    {
        var zone = model.Zone();
        var peakPerSecond = model.ConversationsPerWeekday / s_dailyLoad / 3600;
        var at = from;
        while (true)
        {
            at += TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) / peakPerSecond);
            if (random.NextDouble() < Load(zone.Local(at)))
            {
                yield return at;
            }
        }
    }
}
