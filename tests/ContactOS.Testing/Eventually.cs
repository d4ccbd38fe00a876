using System.Diagnostics;

namespace ContactOS.Testing;

/// <summary>
/// Waits for background work (a deactivation on the thread pool, say) to become visible. It polls a
/// condition on real time with a generous bound; it never waits for time to pass on a fake clock.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(10);
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Still not true after {limit.TotalSeconds:0.#} s: {what}");
            }

            await Task.Delay(5);
        }
    }
}
