using System.Diagnostics;
using ContactOS.Benchmarks.Reporting;
using ContactOS.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Benchmarks.Runtime;

/// <summary>
/// Grain calls through the runtime against the same work as plain async calls on the same objects, and the
/// managed memory an idle activation costs.
/// </summary>
internal static class RuntimeBenchmark
{
    private const int SpreadKeys = 100_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var duration = TimeSpan.FromMilliseconds(quick ? 300 : 1500);
        var runs = quick ? 3 : 5;
        var workers = Environment.ProcessorCount;

        await using var host = await BenchSilo.StartAsync();
        var grains = host.Silo.GrainFactory;

        // Warm up the JIT (tiered compilation, PGO) on both paths before measuring either.
        await CallsPerSecondAsync(workers, TimeSpan.FromSeconds(1), w => grains.GetGrain<IBenchGrain>("hot"));
        await CallsPerSecondAsync(workers, TimeSpan.FromSeconds(1), _ => new BenchGrain());

        var hot = await Median.OfAsync(runs, () => CallsPerSecondAsync(workers, duration, _ => grains.GetGrain<IBenchGrain>("hot")));
        var hotObject = new BenchGrain();
        var hotBaseline = await Median.OfAsync(runs, () => CallsPerSecondAsync(workers, duration, _ => hotObject));

        var spreadReferences = Enumerable.Range(0, SpreadKeys).Select(i => grains.GetGrain<IBenchGrain>("spread-" + i)).ToArray();
        await Task.WhenAll(spreadReferences.Select(g => g.Increment(0)));
        var spread = await Median.OfAsync(runs, () => SpreadCallsPerSecondAsync(workers, duration, spreadReferences));
        var spreadObjects = Enumerable.Range(0, SpreadKeys).Select(_ => (IBenchGrain)new BenchGrain()).ToArray();
        var spreadBaseline = await Median.OfAsync(runs, () => SpreadCallsPerSecondAsync(workers, duration, spreadObjects));

        var bytesPerActivation = await BytesPerIdleActivationAsync();

        var table = new ResultTable($"Grain runtime: {workers} callers, median of {runs} runs of {duration.TotalSeconds:0.#} s, {SpreadKeys:N0} keys spread");
        table.Add("one hot key, through the runtime", hot, "calls/s", jsonKey: "calls_per_sec");
        table.Add("one hot object, plain async calls (baseline)", hotBaseline, "calls/s", $"runtime = {hot / hotBaseline:P0} of baseline", "baseline_calls_per_sec");
        table.Add("100,000 keys spread, through the runtime", spread, "calls/s", jsonKey: "spread_calls_per_sec");
        table.Add("100,000 objects, plain async calls (baseline)", spreadBaseline, "calls/s", $"runtime = {spread / spreadBaseline:P0} of baseline", "spread_baseline_calls_per_sec");
        table.Add("managed memory per idle activation", bytesPerActivation, "bytes", "target <= 1,024", "bytes_per_activation");
        table.AddJson("callers", workers);
        table.AddJson("target_calls_per_sec", 1_000_000);
        table.Print();
        return 0;
    }

    /// <summary>Each worker calls its target in a loop, awaiting each call, until time is up.</summary>
    private static async Task<double> CallsPerSecondAsync(int workers, TimeSpan duration, Func<int, IBenchGrain> target)
    {
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var grain = target(w);
            long calls = 0;
            while (watch.Elapsed < duration)
            {
                for (var i = 0; i < 1000; i++)
                {
                    await grain.Increment(1);
                }

                calls += 1000;
            }

            return calls;
        })));
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Worker w calls every workers-th target in turn, so every call goes to a different activation.</summary>
    private static async Task<double> SpreadCallsPerSecondAsync(int workers, TimeSpan duration, IBenchGrain[] targets)
    {
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            long calls = 0;
            var index = w;
            while (watch.Elapsed < duration)
            {
                for (var i = 0; i < 1000; i++)
                {
                    await targets[index].Increment(1);
                    index += workers;
                    if (index >= targets.Length)
                    {
                        index = w;
                    }
                }

                calls += 1000;
            }

            return calls;
        })));
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Activates 100,000 grains in a fresh silo, lets go of every reference, and divides the growth of the
    /// managed heap by the number of activations: the directory entry, the activation, the grain object and
    /// its key all count.
    /// </summary>
    private static async Task<double> BytesPerIdleActivationAsync()
    {
        await using var host = await BenchSilo.StartAsync();
        await host.Silo.GrainFactory.GetGrain<IBenchGrain>("first").Increment(1);
        var before = SettledHeapBytes();
        await ActivateAsync(host, SpreadKeys);
        var after = SettledHeapBytes();
        if (host.Silo.Runtime.ActivationCount != SpreadKeys + 1)
        {
            throw new InvalidOperationException($"Expected {SpreadKeys + 1} activations, found {host.Silo.Runtime.ActivationCount}.");
        }

        return (after - before) / (double)SpreadKeys;
    }

    private static async Task ActivateAsync(BenchSilo host, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await host.Silo.GrainFactory.GetGrain<IBenchGrain>("idle-" + i).Increment(1);
        }
    }

    private static long SettledHeapBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class BenchSilo(ServiceProvider services) : IAsyncDisposable
    {
        public Silo Silo { get; } = services.GetRequiredService<Silo>();

        public static async Task<BenchSilo> StartAsync()
        {
            var services = new ServiceCollection().AddLogging().AddGrainRuntime(configure: o => o.Name = "bench").BuildServiceProvider();
            var host = new BenchSilo(services);
            await host.Silo.StartAsync(CancellationToken.None);
            return host;
        }

        public async ValueTask DisposeAsync()
        {
            await Silo.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }
}
