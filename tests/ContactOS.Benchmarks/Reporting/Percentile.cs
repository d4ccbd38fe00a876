namespace ContactOS.Benchmarks.Reporting;

internal static class Percentile
{
    /// <summary>
    /// The nearest-rank percentile (0-100) of <paramref name="samples"/>: a value that was actually measured, so a p99
    /// of 1,000 requests is the 990th fastest, never an interpolation between two.
    /// </summary>
    public static double Of(IReadOnlyCollection<double> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
