using System.Diagnostics;
using System.Globalization;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Reporting;

namespace ContactOS.Benchmarks.Grains;

/// <summary>
/// Local Orleans grain calls against the same work as plain interface calls on objects, once on one hot key and once
/// spread over many keys, and the managed memory an idle activation costs against an object kept in a dictionary by
/// the same key. For information: these set what a grain call and an activation cost the analytics grains.
/// </summary>
internal static class GrainsBenchmark
{
    private const int CallsPerRound = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = CommandLine.Flag(args, "--quick");
        var keys = CommandLine.Number(args, "--keys") ?? (quick ? 10_000 : 100_000);
        var duration = TimeSpan.FromMilliseconds(quick ? 300 : 1_500);
        var runs = quick ? 3 : 5;
        var callers = Environment.ProcessorCount;

        double hot, hotBaseline, spread, spreadBaseline;
        await using (var silo = await InProcessSilo.StartAsync(_ => { }))
        {
            var hotGrain = silo.Grains.GetGrain<ICounterGrain>("hot");
            var hotObject = new Counter();

            // Tiered compilation and PGO settle on both paths before either is measured.
            await CallsPerSecondAsync(callers, TimeSpan.FromSeconds(quick ? 0.5 : 2), [hotGrain]);
            await CallsPerSecondAsync(callers, TimeSpan.FromSeconds(quick ? 0.5 : 2), [hotObject]);

            hot = await Median.OfAsync(runs, () => CallsPerSecondAsync(callers, duration, [hotGrain]));
            hotBaseline = await Median.OfAsync(runs, () => CallsPerSecondAsync(callers, duration, [hotObject]));

            ICounter[] spreadGrains = [.. Enumerable.Range(0, keys).Select(i => silo.Grains.GetGrain<ICounterGrain>(Key("spread", i)))];
            await ActivateAsync(spreadGrains);
            ICounter[] spreadObjects = [.. Enumerable.Range(0, keys).Select(_ => new Counter())];
            spread = await Median.OfAsync(runs, () => CallsPerSecondAsync(callers, duration, spreadGrains));
            spreadBaseline = await Median.OfAsync(runs, () => CallsPerSecondAsync(callers, duration, spreadObjects));
        }

        var bytesPerActivation = await BytesPerIdleActivationAsync(keys);
        var bytesPerObject = BytesPerKeptObject(keys);

        var table = new ResultTable(
            $"Orleans local grain calls: {callers} callers awaiting one call at a time, median of {runs} runs of {duration.TotalSeconds:0.#} s; " +
            $"{keys:N0} keys spread");
        table.Add("one hot key, grain calls", hot, "calls/s", jsonKey: "hot_calls_per_sec");
        table.Add("one hot object, plain interface calls (baseline)", hotBaseline, "calls/s", $"grain = {hot / hotBaseline:P1} of baseline",
            "hot_baseline_calls_per_sec");
        table.Add($"{keys:N0} keys spread, grain calls", spread, "calls/s", jsonKey: "spread_calls_per_sec");
        table.Add($"{keys:N0} objects, plain interface calls (baseline)", spreadBaseline, "calls/s", $"grain = {spread / spreadBaseline:P1} of baseline",
            "spread_baseline_calls_per_sec");
        table.Add("managed memory per idle activation", bytesPerActivation, "bytes", jsonKey: "bytes_per_activation");
        table.Add("managed memory per object kept in a dictionary by the same key (baseline)", bytesPerObject, "bytes",
            $"activation = {bytesPerActivation / bytesPerObject:N1}x the object", "baseline_bytes_per_object");
        table.AddJson("hot_ratio", Math.Round(hot / hotBaseline, 5));
        table.AddJson("spread_ratio", Math.Round(spread / spreadBaseline, 5));
        table.AddJson("bytes_ratio", Math.Round(bytesPerActivation / bytesPerObject, 2));
        table.AddJson("callers", callers);
        table.AddJson("keys", keys);
        table.Print();
        return 0;
    }

    private static string Key(string prefix, int index) => prefix + "-" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Each caller calls the targets in turn, caller c starting at target c and stepping by the number of callers, and
    /// awaits each call, until time is up: with one target every caller calls it, with many every call goes to another.
    /// </summary>
    private static async Task<double> CallsPerSecondAsync(int callers, TimeSpan duration, ICounter[] targets)
    {
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            long calls = 0;
            var index = caller % targets.Length;
            while (watch.Elapsed < duration)
            {
                for (var i = 0; i < CallsPerRound; i++)
                {
                    await targets[index].Increment(1);
                    index += callers;
                    if (index >= targets.Length)
                    {
                        index = caller % targets.Length;
                    }
                }

                calls += CallsPerRound;
            }

            return calls;
        })));
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    /// <summary>One call to each target, a thousand at a time.</summary>
    private static async Task ActivateAsync(IReadOnlyList<ICounter> targets)
    {
        foreach (var chunk in targets.Chunk(1_000))
        {
            await Task.WhenAll(chunk.Select(t => t.Increment(0)));
        }
    }

    /// <summary>
    /// Activates <paramref name="keys"/> grains in a fresh silo, lets go of every reference, and divides the growth of
    /// the managed heap by the number of activations: the activation, its entry in the silo's catalog and directory, the
    /// grain object and its key all count.
    /// </summary>
    private static async Task<double> BytesPerIdleActivationAsync(int keys)
    {
        await using var silo = await InProcessSilo.StartAsync(_ => { });
        await ActivateAsync([.. Enumerable.Range(0, CallsPerRound).Select(i => silo.Grains.GetGrain<ICounterGrain>(Key("first", i)))]);
        var activationsBefore = await silo.ActivationCountAsync();
        var before = SettledHeapBytes();
        await ActivateAsync(Enumerable.Range(0, keys).Select(i => silo.Grains.GetGrain<ICounterGrain>(Key("idle", i))).ToList<ICounter>());
        var after = SettledHeapBytes();
        var activated = await silo.ActivationCountAsync() - activationsBefore;
        if (activated != keys)
        {
            throw new InvalidOperationException($"Expected {keys:N0} new activations, found {activated:N0}.");
        }

        return (after - before) / (double)keys;
    }

    /// <summary>The same count of counters in a dictionary by the same keys: what the state costs without a runtime around it.</summary>
    private static double BytesPerKeptObject(int keys)
    {
        var before = SettledHeapBytes();
        var objects = new Dictionary<string, ICounter>(StringComparer.Ordinal);
        for (var i = 0; i < keys; i++)
        {
            objects[Key("idle", i)] = new Counter();
        }

        var after = SettledHeapBytes();
        GC.KeepAlive(objects);
        return (after - before) / (double)keys;
    }

    private static long SettledHeapBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
