namespace ContactOS.Simulation.Oracle;

/// <summary>Exact summaries of durations in whole milliseconds: count, mean and nearest-rank percentiles, no sketches.</summary>
internal static class NearestRank
{
    /// <summary>
    /// The p-th percentile of <paramref name="ascending"/>: the value at rank ⌈p·n/100⌉ (1-based), in integers so that
    /// 50 % of 100 values is exactly rank 50.
    /// </summary>
    public static long Percentile(IReadOnlyList<long> ascending, int p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(ascending.Count);
        var rank = (int)Math.Max(1, ((long)p * ascending.Count + 99) / 100);
        return ascending[rank - 1];
    }

    /// <summary>Durations given in milliseconds, served in units of <paramref name="unitMs"/> milliseconds (1000 for seconds, 1 for milliseconds).</summary>
    public static ExpectedDuration Summarize(IEnumerable<long> milliseconds, double unitMs)
    {
        var sorted = milliseconds.Order().ToList();
        if (sorted.Count == 0)
        {
            return new ExpectedDuration(0, null, null, null, null, null);
        }

        double In(long ms) => ms / unitMs;
        var sum = sorted.Sum();
        return new ExpectedDuration(
            sorted.Count,
            (double)sum / sorted.Count / unitMs,
            In(Percentile(sorted, 50)),
            In(Percentile(sorted, 90)),
            In(Percentile(sorted, 95)),
            In(Percentile(sorted, 99)));
    }
}
