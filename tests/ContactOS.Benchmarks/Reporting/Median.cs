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

        Array.Sort(results);
        return results[runs / 2];
    }
}
