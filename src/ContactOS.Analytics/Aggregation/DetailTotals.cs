namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// The second wave's counters of one hour, or the sum of several: sparse counts by (metric, label, value) and a
/// <see cref="LogHistogram"/> per (metric, label) for durations. Every figure of docs/analytics.md's second wave is
/// read from these at query time.
/// </summary>
public sealed class DetailTotals
{
    // Per metric, so a sum of the few metrics a query reads never walks the others' counters.
    private readonly Dictionary<(string? Label, long Value), long>?[] _counts = new Dictionary<(string? Label, long Value), long>?[MetricSet.Capacity];
    private readonly Dictionary<(Metric Metric, string? Label), LogHistogram> _histograms = [];

    public bool IsEmpty => _histograms.Count == 0 && Array.TrueForAll(_counts, c => c is null || c.Count == 0);

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

        var counts = _counts[(int)key.Metric] ??= [];
        var slot = (key.Label, key.Value);
        var count = counts.GetValueOrDefault(slot) + change;
        if (count == 0)
        {
            counts.Remove(slot);
        }
        else
        {
            counts[slot] = count;
        }
    }

    /// <summary>
    /// Adds another bucket's counters of the metrics in <paramref name="metrics"/> (all when null). With
    /// <paramref name="idleBefore"/> (UTC ticks), the open unresolved conversations' latest-event hours are folded as they
    /// are added into 1 (idle since before it) or 0, so a period's sum holds a few counters instead of one per hour.
    /// </summary>
    public void Add(DetailTotals other, MetricSet? metrics = null, long? idleBefore = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var metric = 0; metric < other._counts.Length; metric++)
        {
            if (other._counts[metric] is not { Count: > 0 } theirs || (metrics is not null && !metrics.Value.Contains((Metric)metric)))
            {
                continue;
            }

            var mine = _counts[metric] ??= new(theirs.Count);
            var fold = idleBefore is { } cutoff && IsOpenUnresolved((Metric)metric) ? cutoff : (long?)null;
            foreach (var (slot, count) in theirs)
            {
                var key = fold is { } before ? (slot.Label, slot.Value < before ? 1L : 0L) : slot;
                mine[key] = mine.GetValueOrDefault(key) + count;
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

    private static bool IsOpenUnresolved(Metric metric) => metric is Metric.OpenUnresolvedAi or Metric.OpenUnresolvedHuman or Metric.OpenUnresolvedIntent;

    /// <summary>The counters of <paramref name="metric"/>: label, value and count.</summary>
    public IEnumerable<(string? Label, long Value, long Count)> Counts(Metric metric)
    {
        if (_counts[(int)metric] is { } counts)
        {
            foreach (var (slot, count) in counts)
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
        [.. _counts.SelectMany((counts, metric) => counts is null ? [] : counts.Select(c => new DetailCount((Metric)metric, c.Key.Label, c.Key.Value, c.Value)))],
        [.. _histograms.Select(h => h.Value.ToState(h.Key.Metric, h.Key.Label))]);

    public static DetailTotals FromState(DetailState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var totals = new DetailTotals();
        foreach (var count in state.Counts)
        {
            (totals._counts[(int)count.Metric] ??= [])[(count.Label, count.Value)] = count.Count;
        }

        foreach (var histogram in state.Histograms)
        {
            totals._histograms[(histogram.Metric, histogram.Label)] = LogHistogram.FromState(histogram);
        }

        return totals;
    }
}
