using System.Diagnostics;

namespace ContactOS.Testing;

/// <summary>
/// Waits for background work (a deactivation on the thread pool, a batcher flush) to become visible. It polls a
/// condition on real time with a generous bound; it never waits for time to pass on a fake clock.
/// </summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null)
        => TrueAsync(() => Task.FromResult(condition()), what, within);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(10);
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Still not true after {limit.TotalSeconds:0.#} s: {what}");
            }

            await Task.Delay(5);
        }
    }
}
