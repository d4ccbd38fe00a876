using System.Globalization;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Reporting;

namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// What a grain call costs when the grain lives on another silo, beside the same call to a grain on the caller's silo:
/// two Orleans silos in this process, one cluster, the caller on the first. Nothing else runs in them, so the
/// difference is Orleans' messaging between silos (serialisation, a TCP connection on the loopback, the answer back).
/// </summary>
internal static class RemoteCallCost
{
    /// <summary>Callers at once in the concurrent figure: a busy front or worker has many calls in flight to one silo.</summary>
    public const int Concurrency = 64;

    private const int Rounds = 5;

    /// <summary>Microseconds per call: to a local grain, to a remote one in sequence, to remote ones with <see cref="Concurrency"/> in flight.</summary>
    public static async Task<CallCosts> MeasureAsync(int calls, TimeProvider time)
    {
        await using var caller = await InProcessSilo.StartAsync(_ => { });
        await using var other = await InProcessSilo.StartAsync(_ => { }, joining: caller);

        // Each grain is activated by a call from the silo it must live on, and checked there.
        var local = await PlaceAsync(caller, caller, "local");
        var remotes = new List<IPlacedCounterGrain>();
        for (var i = 0; i < Concurrency; i++)
        {
            remotes.Add(await PlaceAsync(other, caller, Key("remote", i)));
        }

        // Tiered compilation and the silos' connection settle before anything is timed.
        await SequentialAsync(local, calls, time);
        await SequentialAsync(remotes[0], calls / 10, time);
        var localCost = await Median.OfAsync(Rounds, () => SequentialAsync(local, calls, time));
        var remoteCost = await Median.OfAsync(Rounds, () => SequentialAsync(remotes[0], calls / 10, time));
        var concurrentCost = await Median.OfAsync(Rounds, async () =>
        {
            var perCaller = Math.Max(1, calls / Concurrency);
            var started = time.GetTimestamp();
            await Task.WhenAll(remotes.Select(grain => SequentialAsync(grain, perCaller, time)));
            return time.GetElapsedTime(started).TotalMicroseconds / (perCaller * remotes.Count);
        });
        return new CallCosts(localCost, remoteCost, concurrentCost);
    }

    /// <summary>The grain <paramref name="key"/> activated on <paramref name="home"/>, as seen from <paramref name="caller"/>.</summary>
    private static async Task<IPlacedCounterGrain> PlaceAsync(InProcessSilo home, InProcessSilo caller, string key)
    {
        var where = await home.Grains.GetGrain<IPlacedCounterGrain>(key).Silo();
        return where.Equals(home.Address)
            ? caller.Grains.GetGrain<IPlacedCounterGrain>(key)
            : throw new InvalidOperationException($"The grain '{key}' was placed on {where}, not on {home.Address}.");
    }

    /// <summary>Microseconds per call of <paramref name="count"/> calls, each awaited before the next.</summary>
    private static async Task<double> SequentialAsync(IPlacedCounterGrain grain, int count, TimeProvider time)
    {
        var started = time.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await grain.Increment(1);
        }

        return time.GetElapsedTime(started).TotalMicroseconds / count;
    }

    private static string Key(string prefix, int index) => prefix + "-" + index.ToString(CultureInfo.InvariantCulture);
}
