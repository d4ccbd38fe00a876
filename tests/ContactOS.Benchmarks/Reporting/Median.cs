namespace ContactOS.Benchmarks.Reporting;

internal static class Median
{
    /// <summary>Runs <paramref name="measure"/> several times and keeps the median: this machine is shared and noisy.</summary>
    public static async Task<double> OfAsync(int runs, Func<Task<double>> measure)
    {
        var results = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            results[i] = await measure();
        }

        return Of(results);
    }

    /// <summary>The median of <paramref name="values"/> (the upper one of the middle two when their count is even).</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
