using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Ingest;

namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// Durable ingestion end to end over HTTP on PostgreSQL through a fresh cluster of processes: the requests spread
/// round-robin over its entry points, as a load balancer would, each sender waiting for its answer before sending again.
/// </summary>
internal static class ClusterIngest
{
    /// <summary>Senders in total, shared out over the entry points: the ingest suite's number, which keeps one silo busy.</summary>
    public const int Connections = IngestOptions.DefaultConnections;

    public const int BatchSize = 1_000;

    /// <summary>
    /// Accepted events per second of <paramref name="traffic"/> into a fresh cluster of <paramref name="roles"/>, after
    /// <paramref name="warm"/> (other tenants) was posted the same way; and the share of the machine's CPU that other
    /// processes took meanwhile.
    /// </summary>
    public static async Task<(double EventsPerSecond, double? OthersCpuShare)> RunAsync(
        IngestTraffic traffic, IngestTraffic warm, TimeProvider time, params string[] roles)
    {
        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.Postgres, "cluster");
        await using var cluster = await ClusterProcesses.StartAsync(database, time, roles);
        var tokens = await cluster.TokensAsync(traffic.TenantIds.Concat(warm.TenantIds));
        await PostSpreadAsync(cluster.EntryPoints, warm.Bodies(tokens, BatchSize));
        var bodies = traffic.Bodies(tokens, BatchSize);

        var (processCpu, clientCpu, serverCpu) = (ProcessorTime(cluster), Environment.CpuUsage.TotalTime, database.ServerProcessorTime);
        var machine = MachineCpu.Read();
        var started = time.GetTimestamp();
        var totals = await PostSpreadAsync(cluster.EntryPoints, bodies);
        var elapsed = time.GetElapsedTime(started);
        var measured = ProcessorTime(cluster) - processCpu + (Environment.CpuUsage.TotalTime - clientCpu) +
            (database.ServerProcessorTime - serverCpu ?? TimeSpan.Zero);
        var othersShare = MachineCpu.OthersShare(machine, MachineCpu.Read(), measured);
        if (totals.Accepted != traffic.DistinctCount)
        {
            throw new InvalidOperationException($"The cluster ({string.Join(", ", roles)}) accepted {totals.Accepted:N0} of {traffic.DistinctCount:N0} events.");
        }

        var rate = totals.Accepted / elapsed.TotalSeconds;
        ClusterBenchmark.Progress($"{string.Join(" + ", roles)}: {totals.Accepted:N0} events in {elapsed.TotalSeconds:0.00} s = {rate:N0} events/s" +
            (othersShare is { } others ? $"; other processes used {others:P0} of the machine's CPU" : ""));
        return (rate, othersShare);
    }

    /// <summary>Batch i goes to entry point i modulo their number; each entry point gets its share of the senders.</summary>
    private static async Task<PostTotals> PostSpreadAsync(IReadOnlyList<BenchSilo> entryPoints, IReadOnlyList<EventBody> bodies)
    {
        var shares = await Task.WhenAll(entryPoints.Select((silo, i) => EventPoster.PostAllAsync(
            silo.Http,
            [.. bodies.Where((_, j) => j % entryPoints.Count == i)],
            (Connections + entryPoints.Count - 1 - i) / entryPoints.Count)));
        return shares.Aggregate(PostTotals.Zero, (a, b) => a + b);
    }

    private static TimeSpan ProcessorTime(ClusterProcesses cluster) =>
        cluster.Processes.Aggregate(TimeSpan.Zero, (sum, silo) => sum + silo.ProcessorTime);
}
