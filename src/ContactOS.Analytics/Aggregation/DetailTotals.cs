namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// The second wave's counters of one hour, or the sum of several: sparse counts by (metric, label, value) and a
/// <see cref="LogHistogram"/> per (metric, label) for durations. Every figure of docs/analytics.md's second wave is
/// read from these at query time.
/// </summary>
public sealed class DetailTotals
{
    private readonly Dictionary<(Metric Metric, string? Label, long Value), long> _counts = [];
    private readonly Dictionary<(Metric Metric, string? Label), LogHistogram> _histograms = [];

    public bool IsEmpty => _counts.Count == 0 && _histograms.Count == 0;

    public void Apply(in MetricKey key, long change)
    {
        if (HistogramKeys.IsHistogram(key.Metric))
        {
            if (!_histograms.TryGetValue((key.Metric, key.Label), out var histogram))
            {
                histogram = new LogHistogram();
                _histograms[(key.Metric, key.Label)] = histogram;
            }

            if (key.Value == HistogramKeys.Sum)
            {
                histogram.AddToSum(change);
            }
            else
            {
                histogram.AddToBin(checked((int)key.Value), change);
            }

            if (histogram.IsEmpty)
            {
                _histograms.Remove((key.Metric, key.Label));
            }

            return;
        }

        var slot = (key.Metric, key.Label, key.Value);
        var count = _counts.GetValueOrDefault(slot) + change;
        if (count == 0)
        {
            _counts.Remove(slot);
        }
        else
        {
            _counts[slot] = count;
        }
    }

    /// <summary>Adds another bucket's counters of the metrics in <paramref name="metrics"/> (all when null).</summary>
    public void Add(DetailTotals other, MetricSet? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (slot, count) in other._counts)
        {
            if (metrics is null || metrics.Value.Contains(slot.Metric))
            {
                _counts[slot] = _counts.GetValueOrDefault(slot) + count;
            }
        }

        foreach (var (slot, histogram) in other._histograms)
        {
            if (metrics is null || metrics.Value.Contains(slot.Metric))
            {
                if (!_histograms.TryGetValue(slot, out var mine))
                {
                    mine = new LogHistogram();
                    _histograms[slot] = mine;
                }

                mine.Add(histogram);
            }
        }
    }

    /// <summary>The counters of <paramref name="metric"/>: label, value and count.</summary>
    public IEnumerable<(string? Label, long Value, long Count)> Counts(Metric metric)
    {
        foreach (var (slot, count) in _counts)
        {
            if (slot.Metric == metric)
            {
                yield return (slot.Label, slot.Value, count);
            }
        }
    }

    /// <summary>The histogram of <paramref name="metric"/> and <paramref name="label"/>; empty when none.</summary>
    public LogHistogram Histogram(Metric metric, string? label = null) =>
        _histograms.GetValueOrDefault((metric, label)) ?? new LogHistogram();

    /// <summary>The labels of <paramref name="metric"/>'s histograms.</summary>
    public IEnumerable<string?> HistogramLabels(Metric metric) => _histograms.Keys.Where(k => k.Metric == metric).Select(k => k.Label);

    public DetailState ToState(long hourTicks) => new(
        hourTicks,
        [.. _counts.Select(c => new DetailCount(c.Key.Metric, c.Key.Label, c.Key.Value, c.Value))],
        [.. _histograms.Select(h => h.Value.ToState(h.Key.Metric, h.Key.Label))]);

    public static DetailTotals FromState(DetailState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var totals = new DetailTotals();
        foreach (var count in state.Counts)
        {
            totals._counts[(count.Metric, count.Label, count.Value)] = count.Count;
        }

        foreach (var histogram in state.Histograms)
        {
            totals._histograms[(histogram.Metric, histogram.Label)] = LogHistogram.FromState(histogram);
        }

        return totals;
    }
}
