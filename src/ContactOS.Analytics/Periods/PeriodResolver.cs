using System.Globalization;

namespace ContactOS.Analytics.Periods;

/// <summary>
/// Turns the <c>period</c>, <c>from</c>, <c>to</c> and <c>interval</c> query parameters into a
/// <see cref="ResolvedPeriod"/>, as docs/analytics.md ("Tenant time") defines it: whole local buckets, the current
/// one included whole (<c>today</c> is the whole local day, <c>7d</c> the 168 local hours ending with the current
/// hour, <c>30d</c>/<c>90d</c> the local days ending with today, a custom range rounded out to the bucket grid). The
/// REST API and the simulator's ground truth both use it, so they agree on every boundary.
/// </summary>
public static class PeriodResolver
{
    public const string Today = "today";
    public const string SevenDays = "7d";
    public const string ThirtyDays = "30d";
    public const string NinetyDays = "90d";
    public const string Custom = "custom";

    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(400);

    public const int MaxBuckets = 5_000;

    // Before 1970 some zones used local mean time offsets that are not whole minutes, which DateTimeOffset cannot hold.
    private static readonly DateTimeOffset s_earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset s_latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] s_instantFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>
    /// Validates and resolves a period request. With neither <paramref name="period"/> nor from/to it is
    /// <c>today</c>. Returns false with an <paramref name="error"/> naming the offending parameter.
    /// </summary>
    public static bool TryResolve(
        string? period,
        string? from,
        string? to,
        string? interval,
        DateTimeOffset now,
        TimeZoneInfo zone,
        out ResolvedPeriod? result,
        out PeriodError? error)
    {
        ArgumentNullException.ThrowIfNull(zone);
        error = Resolve(period, from, to, interval, now, zone, out result);
        return error is null;
    }

    /// <summary>Like <see cref="TryResolve"/>, for callers whose parameters are known to be valid.</summary>
    public static ResolvedPeriod Resolve(string? period, DateTimeOffset now, TimeZoneInfo zone, string? interval = null)
    {
        if (!TryResolve(period, null, null, interval, now, zone, out var result, out var error))
        {
            throw new ArgumentException(error!.Message, error.Parameter);
        }

        return result!;
    }

    private static PeriodError? Resolve(
        string? period, string? from, string? to, string? interval, DateTimeOffset now, TimeZoneInfo zone, out ResolvedPeriod? result)
    {
        result = null;
        var hasPeriod = !string.IsNullOrWhiteSpace(period);
        var hasFrom = !string.IsNullOrWhiteSpace(from);
        var hasTo = !string.IsNullOrWhiteSpace(to);

        if (hasPeriod && (hasFrom || hasTo))
        {
            return new PeriodError("period", "Give either 'period' or 'from' and 'to', not both.");
        }

        if (hasFrom != hasTo)
        {
            return hasFrom
                ? new PeriodError("to", "'to' is required when 'from' is given.")
                : new PeriodError("from", "'from' is required when 'to' is given.");
        }

        BucketInterval? requestedInterval = null;
        if (!string.IsNullOrWhiteSpace(interval))
        {
            requestedInterval = interval.Trim().ToLowerInvariant() switch
            {
                "hour" => BucketInterval.Hour,
                "day" => BucketInterval.Day,
                _ => null,
            };
            if (requestedInterval is null)
            {
                return new PeriodError("interval", $"'interval' must be 'hour' or 'day', not '{interval}'.");
            }
        }

        string name;
        DateTimeOffset start, end;
        BucketInterval defaultInterval, unit;
        if (hasFrom)
        {
            if (!TryParseInstant(from!, out start))
            {
                return InvalidInstant("from", from!);
            }

            if (!TryParseInstant(to!, out end))
            {
                return InvalidInstant("to", to!);
            }

            if (start < s_earliest || end > s_latest)
            {
                return new PeriodError(start < s_earliest ? "from" : "to", "'from' and 'to' must lie between 1970 and 9000.");
            }

            if (start >= end)
            {
                return new PeriodError("from", "'from' must be before 'to'.");
            }

            if (end - start > MaxSpan)
            {
                return new PeriodError("to", $"The span from 'from' to 'to' must be at most {MaxSpan.TotalDays:0} days.");
            }

            name = Custom;
            defaultInterval = end - start > TimeSpan.FromDays(7) ? BucketInterval.Day : BucketInterval.Hour;
            unit = requestedInterval ?? defaultInterval;
        }
        else
        {
            name = hasPeriod ? period!.Trim().ToLowerInvariant() : Today;
            var today = TenantCalendar.LocalDate(now, zone);
            switch (name)
            {
                case Today:
                    (start, end) = (TenantCalendar.StartOfDay(today, zone), TenantCalendar.StartOfDay(today.AddDays(1), zone));
                    (defaultInterval, unit) = (BucketInterval.Hour, BucketInterval.Day);
                    break;
                case SevenDays:
                    // 168 local-hour buckets. The local clock reading of the first one shifts when the clocks change within them.
                    end = TenantCalendar.NextBucketStart(now, BucketInterval.Hour, zone);
                    start = TenantCalendar.Step(now, -167, BucketInterval.Hour, zone);
                    (defaultInterval, unit) = (BucketInterval.Hour, BucketInterval.Hour);
                    break;
                case ThirtyDays or NinetyDays:
                    var days = name == ThirtyDays ? 30 : 90;
                    (start, end) = (TenantCalendar.StartOfDay(today.AddDays(1 - days), zone), TenantCalendar.StartOfDay(today.AddDays(1), zone));
                    (defaultInterval, unit) = (BucketInterval.Day, BucketInterval.Day);
                    break;
                default:
                    return new PeriodError("period", $"'period' must be one of today, 7d, 30d or 90d, not '{period}'.");
            }
        }

        // A period is made of whole buckets; only a custom range or 7d with day buckets actually moves here.
        var bucketInterval = requestedInterval ?? defaultInterval;
        start = TenantCalendar.BucketStart(start, bucketInterval, zone);
        end = TenantCalendar.RoundUp(end, bucketInterval, zone);

        var buckets = new List<DateTimeOffset>();
        foreach (var bucket in TenantCalendar.BucketStarts(start, end, bucketInterval, zone))
        {
            if (buckets.Count == MaxBuckets)
            {
                return new PeriodError(
                    "interval",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The period holds more than {MaxBuckets:N0} {bucketInterval.ToString().ToLowerInvariant()} buckets; choose a larger interval or a shorter period."));
            }

            buckets.Add(bucket);
        }

        // The previous period is as long in the period's own unit (yesterday for today, 30 local days for 30d, the
        // same number of buckets for a custom range) and ends where the period starts.
        var units = unit == bucketInterval ? buckets.Count : TenantCalendar.BucketStarts(start, end, unit, zone).Count();
        result = new ResolvedPeriod
        {
            Name = name,
            From = start,
            To = end,
            PreviousFrom = TenantCalendar.Step(start, -units, unit, zone),
            PreviousTo = start,
            Interval = bucketInterval,
            Zone = zone,
            Buckets = buckets,
        };
        return null;
    }

    private static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text.Trim(), s_instantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);

    private static PeriodError InvalidInstant(string parameter, string value) =>
        new(
            parameter,
            $"'{parameter}' must be an ISO-8601 instant with a UTC offset, such as 2026-01-05T00:00:00+01:00 or 2026-01-05T00:00:00Z, not '{value}'"
            + " (in a query string, write '+' as %2B).");
}
