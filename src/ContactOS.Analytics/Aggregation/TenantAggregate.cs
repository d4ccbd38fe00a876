namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// A tenant's counters in local-hour buckets, built from the changes its conversations send (live gauges are kept
/// apart, in <see cref="LiveGauges"/>).
/// Any period made of whole hours is an exact sum of buckets, so a query's cost depends on the length of the
/// period, never on the number of conversations.
/// </summary>
public sealed class TenantAggregate
{
    private static readonly long s_hour = TimeSpan.TicksPerHour;

    private readonly Dictionary<long, BucketTotals> _hours = [];

    public int HourCount => _hours.Count;

    public IReadOnlyDictionary<long, BucketTotals> Hours => _hours;

    public void Apply(IEnumerable<KeyValuePair<MetricKey, long>> changes)
    {
        foreach (var (key, change) in changes)
        {
            if (key.IsGauge)
            {
                throw new ArgumentException($"{key.Metric} is a live gauge; it has no bucket.", nameof(changes));
            }

            if (!_hours.TryGetValue(key.HourTicks, out var bucket))
            {
                bucket = new BucketTotals();
                _hours[key.HourTicks] = bucket;
            }

            bucket.Apply(key.Metric, key.Label, change);
        }
    }

    /// <summary>The sum of the hour buckets in [<paramref name="from"/>, <paramref name="to"/>); both on the hour grid.</summary>
    public BucketTotals Sum(DateTimeOffset from, DateTimeOffset to)
    {
        var total = new BucketTotals();
        for (var hour = from.UtcTicks; hour < to.UtcTicks; hour += s_hour)
        {
            if (_hours.TryGetValue(hour, out var bucket))
            {
                total.Add(bucket);
            }
        }

        return total;
    }

    /// <summary>Every hour bucket as plain data, for a snapshot.</summary>
    public List<BucketState> ToState() => [.. _hours.OrderBy(h => h.Key).Select(h => h.Value.ToState(h.Key))];

    /// <summary>Replaces the buckets with those of a snapshot taken with <see cref="ToState"/>.</summary>
    public void Restore(IEnumerable<BucketState> buckets)
    {
        _hours.Clear();
        foreach (var bucket in buckets)
        {
            _hours[bucket.HourTicks] = BucketTotals.FromState(bucket);
        }
    }

    /// <summary>Drops hour buckets that start before <paramref name="oldest"/> (retention).</summary>
    public int DropBefore(DateTimeOffset oldest)
    {
        var expired = _hours.Keys.Where(hour => hour < oldest.UtcTicks).ToList();
        foreach (var hour in expired)
        {
            _hours.Remove(hour);
        }

        return expired.Count;
    }
}
