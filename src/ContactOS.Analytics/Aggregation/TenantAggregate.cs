using ContactOS.Analytics.Periods;

namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// A tenant's counters in local-hour buckets, built from the changes its conversations send (live gauges are kept
/// apart, in <see cref="LiveGauges"/>). Any period made of whole hours is an exact sum of buckets, so a query's cost
/// depends on the length of the period, never on the number of conversations. Once the tenant's time zone is known
/// (<see cref="UseTimeZone"/>), the hours are also rolled up into local days, and a sum takes whole days from the
/// rollup: a 90-day period costs about 90 additions instead of 2,160. The second wave's sums of whole days before
/// the last two of a period are kept once asked for (<see cref="SumDetails"/>): those days change only with late
/// events, which drop the kept sums they fall in, so a long period usually costs one kept sum and two days.
/// </summary>
public sealed class TenantAggregate
{
    private static readonly long s_hour = TimeSpan.TicksPerHour;

    private readonly Dictionary<long, BucketTotals> _hours = [];
    private readonly Dictionary<long, BucketTotals> _days = [];
    private readonly Dictionary<long, DetailTotals> _detailHours = [];
    private readonly Dictionary<long, DetailTotals> _detailDays = [];

    // Sums of runs of whole days of the second wave's counters, by (first day, end, metrics), with the stamp of the
    // change they include last; a run is kept while none of its days has a later stamp.
    private const int KeptRunsLimit = 32;
    private const int RecentDays = 2;
    private readonly Dictionary<(long From, long To, ulong Metrics), (long Stamp, DetailTotals Sum)> _keptRuns = [];
    private readonly Dictionary<long, long> _dayStamps = [];
    private long _stamp;

    // Hour start -> (start, end) of its local day, in UTC ticks; filled as hours are seen.
    private readonly Dictionary<long, (long Start, long End)> _dayOfHour = [];
    private TimeZoneInfo? _zone;

    /// <summary>The zone of the day rollup; null until <see cref="UseTimeZone"/>.</summary>
    public TimeZoneInfo? TimeZone => _zone;

    /// <summary>Rolls hours up into local days of <paramref name="zone"/> (again from the hours when the zone changes).</summary>
    public void UseTimeZone(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (_zone is not null && _zone.Id == zone.Id)
        {
            return;
        }

        _zone = zone;
        _days.Clear();
        _detailDays.Clear();
        _dayOfHour.Clear();
        _keptRuns.Clear();
        _dayStamps.Clear();
        foreach (var (hour, totals) in _hours)
        {
            DayBucket(hour).Add(totals);
        }

        foreach (var (hour, details) in _detailHours)
        {
            DetailDay(hour).Add(details);
        }
    }

    public int HourCount => _hours.Count;

    public IReadOnlyDictionary<long, BucketTotals> Hours => _hours;

    public void Apply(IEnumerable<KeyValuePair<MetricKey, long>> changes)
    {
        var stamp = ++_stamp;
        foreach (var (key, change) in changes)
        {
            if (key.IsGauge)
            {
                throw new ArgumentException($"{key.Metric} is a live gauge; it has no bucket.", nameof(changes));
            }

            if (key.IsDetail)
            {
                if (!_detailHours.TryGetValue(key.HourTicks, out var details))
                {
                    details = new DetailTotals();
                    _detailHours[key.HourTicks] = details;
                }

                details.Apply(key, change);
                if (_zone is not null)
                {
                    DetailDay(key.HourTicks).Apply(key, change);
                    _dayStamps[DayOf(key.HourTicks).Start] = stamp;
                }

                continue;
            }

            if (!_hours.TryGetValue(key.HourTicks, out var bucket))
            {
                bucket = new BucketTotals();
                _hours[key.HourTicks] = bucket;
            }

            bucket.Apply(key.Metric, key.Label, change);
            if (_zone is not null)
            {
                DayBucket(key.HourTicks).Apply(key.Metric, key.Label, change);
            }
        }
    }

    /// <summary>The sum of the hour buckets in [<paramref name="from"/>, <paramref name="to"/>); both on the hour grid.</summary>
    public BucketTotals Sum(DateTimeOffset from, DateTimeOffset to)
    {
        var total = new BucketTotals();
        var end = to.UtcTicks;
        for (var cursor = from.UtcTicks; cursor < end;)
        {
            if (_zone is not null)
            {
                var day = DayOf(cursor);
                if (day.Start == cursor && day.End <= end)
                {
                    if (_days.TryGetValue(cursor, out var whole))
                    {
                        total.Add(whole);
                    }

                    cursor = day.End;
                    continue;
                }
            }

            if (_hours.TryGetValue(cursor, out var bucket))
            {
                total.Add(bucket);
            }

            cursor += s_hour;
        }

        return total;
    }

    /// <summary>
    /// The sum of the second wave's counters of <paramref name="metrics"/> in [<paramref name="from"/>,
    /// <paramref name="to"/>), both on the hour grid; whole local days come from the day rollup.
    /// </summary>
    /// <param name="idleBefore">When given, open unresolved conversations are folded into idle (1) or not (0) at it (UTC ticks).</param>
    public DetailTotals SumDetails(DateTimeOffset from, DateTimeOffset to, MetricSet metrics, long? idleBefore = null)
    {
        var total = new DetailTotals();
        var end = to.UtcTicks;
        for (var cursor = from.UtcTicks; cursor < end;)
        {
            if (_zone is not null)
            {
                var day = DayOf(cursor);
                if (day.Start == cursor && day.End <= end)
                {
                    if (idleBefore is null && KeptRun(cursor, end, metrics) is { } run)
                    {
                        total.Add(run.Sum, metrics);
                        cursor = run.End;
                        continue;
                    }

                    if (_detailDays.TryGetValue(cursor, out var whole))
                    {
                        total.Add(whole, metrics, idleBefore);
                    }

                    cursor = day.End;
                    continue;
                }
            }

            if (_detailHours.TryGetValue(cursor, out var bucket))
            {
                total.Add(bucket, metrics, idleBefore);
            }

            cursor += s_hour;
        }

        return total;
    }

    /// <summary>
    /// The sum of the whole days from <paramref name="start"/> (a day's start) before the last <see cref="RecentDays"/>
    /// whole days ending by <paramref name="end"/>, kept from an earlier request when none of its days changed since;
    /// null when that run is shorter than two days. The recent days, where live events land, are left to the caller.
    /// </summary>
    private (DetailTotals Sum, long End)? KeptRun(long start, long end, MetricSet metrics)
    {
        var days = new List<long>();
        for (var cursor = start; cursor < end;)
        {
            var day = DayOf(cursor);
            if (day.End > end)
            {
                break;
            }

            days.Add(day.Start);
            cursor = day.End;
        }

        var length = days.Count - RecentDays;
        if (length < 2)
        {
            return null;
        }

        var runEnd = days[length];
        var key = (start, runEnd, metrics.Bits);
        if (_keptRuns.TryGetValue(key, out var kept) && days.Take(length).All(day => _dayStamps.GetValueOrDefault(day) <= kept.Stamp))
        {
            return (kept.Sum, runEnd);
        }

        var sum = new DetailTotals();
        foreach (var day in days.Take(length))
        {
            if (_detailDays.TryGetValue(day, out var whole))
            {
                sum.Add(whole, metrics);
            }
        }

        if (_keptRuns.Count >= KeptRunsLimit)
        {
            _keptRuns.Clear();
        }

        _keptRuns[key] = (_stamp, sum);
        return (sum, runEnd);
    }

    /// <summary>
    /// Conversations started and agents' status time in [<paramref name="from"/>, <paramref name="to"/>), both on the hour
    /// grid, by local weekday × hour of the rollup's zone (<see cref="WeekHourTotals"/>); empty before the zone is known.
    /// </summary>
    public WeekHourTotals ByWeekHour(DateTimeOffset from, DateTimeOffset to)
    {
        var totals = WeekHourTotals.Empty();
        if (_zone is null)
        {
            return totals;
        }

        for (var cursor = from.UtcTicks; cursor < to.UtcTicks; cursor += s_hour)
        {
            var hour = _hours.GetValueOrDefault(cursor);
            var details = _detailHours.GetValueOrDefault(cursor);
            if (hour is null && details is null)
            {
                continue;
            }

            var cell = WeekHourTotals.CellOf(cursor, _zone);
            totals.Conversations[cell] += hour?.Started ?? 0;
            foreach (var (_, code, ticks) in details?.Counts(Metric.AgentStatusTicks) ?? [])
            {
                totals.AddStatus(cell, code, ticks);
            }
        }

        return totals;
    }

    /// <summary>Every hour bucket as plain data, for a snapshot.</summary>
    public List<BucketState> ToState() => [.. _hours.OrderBy(h => h.Key).Select(h => h.Value.ToState(h.Key))];

    /// <summary>Every hour bucket of the second wave's counters as plain data, for a snapshot.</summary>
    public List<DetailState> DetailsToState() => [.. _detailHours.OrderBy(h => h.Key).Select(h => h.Value.ToState(h.Key))];

    /// <summary>Replaces the buckets with those of a snapshot taken with <see cref="ToState"/> and <see cref="DetailsToState"/>.</summary>
    public void Restore(IEnumerable<BucketState> buckets, IEnumerable<DetailState>? details = null)
    {
        _hours.Clear();
        foreach (var bucket in buckets)
        {
            _hours[bucket.HourTicks] = BucketTotals.FromState(bucket);
        }

        _detailHours.Clear();
        foreach (var bucket in details ?? [])
        {
            _detailHours[bucket.HourTicks] = DetailTotals.FromState(bucket);
        }

        if (_zone is { } zone)
        {
            _zone = null;
            UseTimeZone(zone);
        }
    }

    private DetailTotals DetailDay(long hourTicks)
    {
        var start = DayOf(hourTicks).Start;
        if (!_detailDays.TryGetValue(start, out var day))
        {
            day = new DetailTotals();
            _detailDays[start] = day;
        }

        return day;
    }

    private BucketTotals DayBucket(long hourTicks)
    {
        var start = DayOf(hourTicks).Start;
        if (!_days.TryGetValue(start, out var day))
        {
            day = new BucketTotals();
            _days[start] = day;
        }

        return day;
    }

    private (long Start, long End) DayOf(long hourTicks)
    {
        if (!_dayOfHour.TryGetValue(hourTicks, out var day))
        {
            var instant = new DateTimeOffset(hourTicks, TimeSpan.Zero);
            day = (TenantCalendar.BucketStart(instant, BucketInterval.Day, _zone!).UtcTicks,
                TenantCalendar.NextBucketStart(instant, BucketInterval.Day, _zone!).UtcTicks);
            _dayOfHour[hourTicks] = day;
        }

        return day;
    }

    /// <summary>Drops hour buckets that start before <paramref name="oldest"/> (retention).</summary>
    public int DropBefore(DateTimeOffset oldest)
    {
        var expired = _hours.Keys.Where(hour => hour < oldest.UtcTicks).ToList();
        foreach (var hour in expired)
        {
            _hours.Remove(hour);
        }

        foreach (var hour in _detailHours.Keys.Where(hour => hour < oldest.UtcTicks).ToList())
        {
            _detailHours.Remove(hour);
        }

        if (_zone is { } zone)
        {
            _zone = null;
            UseTimeZone(zone);
        }

        return expired.Count;
    }
}
