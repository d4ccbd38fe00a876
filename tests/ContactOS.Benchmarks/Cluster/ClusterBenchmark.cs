using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Sentiment;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Ingest;
using ContactOS.Benchmarks.Reporting;
using ContactOS.Benchmarks.Runtime;
using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Placement;
using ContactOS.Simulation.Oracle;
using ContactOS.Testing.Analytics;

namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// The cluster on this machine: ingestion end to end through one silo process and through three (requests spread over
/// the three, each tenant applied by its owner), the cost of a grain call to another silo beside one to a local grain,
/// and failover: a worker killed with SIGKILL under ingestion, timed from the kill to every figure of every endpoint
/// being exact again. On two cores three processes share the CPU, so the ingestion figures are a ratio, not a speed-up.
/// </summary>
internal static class ClusterBenchmark
{
    private const int BatchSize = 1_000;
    private const int Connections = 6;
    private static readonly string[] s_tenants = ["clu-a", "clu-b", "clu-c", "clu-d", "clu-e", "clu-f"];
    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = CommandLine.Flag(args, "--quick");
        var events = CommandLine.Number(args, "--events") ?? (quick ? 20_000 : 100_000);
        var runs = quick ? 1 : 3;
        var now = DateTimeOffset.UtcNow;
        var traffic = IngestTraffic.Generate(s_tenants, events, duplicateRatio: 0, now, seed: 11);
        // Posted to every fresh cluster before its run is timed.
        var warm = IngestTraffic.Generate(["warm-a", "warm-b", "warm-c"], WarmUp.Events(args, byDefault: 2 * events), duplicateRatio: 0, now, seed: 12);

        var table = new ResultTable(
            $"Cluster on PostgreSQL: {traffic.DistinctCount:N0} events per run, batches of {BatchSize:N0}, {Connections} connections, median of {runs} runs");
        var one = await Median.OfAsync(runs, () => IngestAsync(traffic, warm, ["both"]));
        var three = await Median.OfAsync(runs, () => IngestAsync(traffic, warm, ["both", "both", "both"]));
        table.Add("one silo process (baseline)", one, "events/s");
        table.Add("three silo processes, requests spread over all three", three, "events/s",
            $"{three / one:P0} of one silo: two cores shared by three processes and the database");
        table.AddJson("one_silo_events_per_sec", Math.Round(one));
        table.AddJson("three_silos_events_per_sec", Math.Round(three));
        table.AddJson("ratio", Math.Round(three / one, 3));

        var (local, remote, remoteConcurrent) = await CallCostAsync(quick ? 5_000 : 20_000);
        table.Add("grain call to a local grain (baseline)", local, "µs", "sequential calls, median of 5 rounds", format: "N2");
        table.Add("grain call to a grain on another silo", remote, "µs", $"sequential round trip over HTTP/2, {remote / local:N0}x a local call", format: "N1");
        table.Add("grain call to another silo, 64 callers at once", remoteConcurrent, "µs per call", "batched: many calls per HTTP/2 request", format: "N1");
        table.AddJson("local_call_us", Math.Round(local, 3));
        table.AddJson("remote_call_us", Math.Round(remote, 1));
        table.AddJson("remote_call_concurrent_us", Math.Round(remoteConcurrent, 1));

        var failover = await FailoverAsync(quick ? 12_000 : 40_000, now);
        table.Add("failover: kill -9 of a worker to every figure exact", failover.ExactAfterKill, "s",
            $"death detected after {failover.DetectedAfterKill:N1} s (Cluster:DeathTimeout 3 s); exact {failover.ExactAfterKill - failover.DetectedAfterKill:N1} s after that; {failover.Figures:N0} figures",
            format: "N1");
        table.AddJson("failover_s", Math.Round(failover.ExactAfterKill, 2));
        table.AddJson("failover_detect_s", Math.Round(failover.DetectedAfterKill, 2));
        table.AddJson("events_per_run", traffic.DistinctCount);
        table.Print();
        return 0;
    }

    /// <summary>Accepted events per second with the requests spread round-robin over the silos.</summary>
    private static async Task<double> IngestAsync(IngestTraffic traffic, IngestTraffic warm, string[] roles)
    {
        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.Postgres, "cluster");
        await using var cluster = await ClusterProcesses.StartAsync(database, roles);
        await cluster.WaitUntilFormedAsync(TimeSpan.FromSeconds(30));
        var clients = Enumerable.Range(0, roles.Length).Select(cluster.Client).ToList();
        try
        {
            var tokens = new Dictionary<string, AuthenticationHeaderValue>(StringComparer.Ordinal);
            foreach (var tenant in traffic.TenantIds.Concat(warm.TenantIds))
            {
                tokens[tenant] = await ClusterProcesses.TokenAsync(clients[0], tenant);
            }

            await PostSpreadAsync(clients, warm.Bodies(tokens, BatchSize));
            var bodies = traffic.Bodies(tokens, BatchSize);
            var watch = Stopwatch.StartNew();
            var totals = await PostSpreadAsync(clients, bodies);
            var rate = totals.Accepted / watch.Elapsed.TotalSeconds;
            if (totals.Accepted != traffic.DistinctCount)
            {
                throw new InvalidOperationException($"The cluster accepted {totals.Accepted:N0} of {traffic.DistinctCount:N0} events.");
            }

            Progress($"{roles.Length} silo(s): {totals.Accepted:N0} events in {watch.Elapsed.TotalSeconds:0.00} s = {rate:N0} events/s");
            return rate;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<PostTotals> PostSpreadAsync(List<HttpClient> clients, IReadOnlyList<EventBody> bodies)
    {
        var perSilo = Math.Max(1, Connections / clients.Count);
        var shares = await Task.WhenAll(clients.Select((client, i) =>
            EventPoster.PostAllAsync(client, bodies.Where((_, j) => j % clients.Count == i).ToList(), perSilo)));
        return shares.Aggregate(PostTotals.Zero, (a, b) => a + b);
    }

    /// <summary>Microseconds per call: local sequential, remote sequential, remote with 64 concurrent callers.</summary>
    private static async Task<(double Local, double Remote, double RemoteConcurrent)> CallCostAsync(int calls)
    {
        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.Postgres, "calls");
        var connectionString = database.ConnectionString!;
        await using var a = await InProcessClusterSilo.StartAsync(connectionString, "calls-a", $"127.0.0.1:{ClusterProcesses.FreePort()}");
        await using var b = await InProcessClusterSilo.StartAsync(connectionString, "calls-b", $"127.0.0.1:{ClusterProcesses.FreePort()}");
        var deadline = Stopwatch.StartNew();
        while (a.View.Current.Active.Count() < 2 || b.View.Current.Active.Count() < 2)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("The two in-process silos did not see each other.");
            }

            await Task.Delay(50);
        }

        // One key each silo owns, found with the placement every silo computes.
        var keys = Enumerable.Range(0, 1_000).Select(i => $"bench-{i}").ToList();
        var localKey = keys.First(k => a.Placement.OwnerOf(k)!.Address == a.Address);
        var remoteKeys = keys.Where(k => a.Placement.OwnerOf(k)!.Address == b.Address).Take(64).ToList();
        var localGrain = a.Grains.GetGrain<IBenchGrain>(localKey);
        var remoteGrain = a.Grains.GetGrain<IBenchGrain>(remoteKeys[0]);

        async Task<double> SequentialAsync(IBenchGrain grain, int count)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await grain.Increment(1);
            }

            return watch.Elapsed.TotalMicroseconds / count;
        }

        await SequentialAsync(localGrain, calls);
        await SequentialAsync(remoteGrain, 2_000);
        var local = await Median.OfAsync(5, () => SequentialAsync(localGrain, calls * 10));
        var remote = await Median.OfAsync(5, () => SequentialAsync(remoteGrain, calls / 10));
        var concurrent = await Median.OfAsync(5, async () =>
        {
            var perCaller = calls / 10;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(remoteKeys.Select(k => SequentialAsync(a.Grains.GetGrain<IBenchGrain>(k), perCaller)));
            return watch.Elapsed.TotalMicroseconds / (perCaller * remoteKeys.Count);
        });
        Progress($"grain calls: local {local:N2} µs, remote {remote:N1} µs sequential, {concurrent:N1} µs with {remoteKeys.Count} callers");
        return (local, remote, concurrent);
    }

    private sealed record FailoverResult(double DetectedAfterKill, double ExactAfterKill, int Figures);

    /// <summary>
    /// One front and two workers; senders post through the front and re-send what fails; the worker that owns the most
    /// tenants is killed half-way. Seconds from the kill to the death being detected, and to every figure being exact.
    /// </summary>
    private static async Task<FailoverResult> FailoverAsync(int events, DateTimeOffset now)
    {
        var traffic = IngestTraffic.Generate(s_tenants, events, duplicateRatio: 0.01, now, seed: 13);
        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.Postgres, "failover");
        await using var cluster = await ClusterProcesses.StartAsync(database, "front", "worker", "worker");
        await cluster.WaitUntilFormedAsync(TimeSpan.FromSeconds(30));
        using var front = cluster.Client(0);
        var tokens = new Dictionary<string, AuthenticationHeaderValue>(StringComparer.Ordinal);
        foreach (var tenant in traffic.TenantIds)
        {
            tokens[tenant] = await ClusterProcesses.TokenAsync(front, tenant);
        }

        var owners = Owners(cluster.Addresses, traffic.TenantIds);
        var victim = owners.Values.GroupBy(a => a).OrderByDescending(g => g.Count()).First().Key;
        var victimIndex = cluster.Addresses.ToList().IndexOf(victim);

        var bodies = new System.Collections.Concurrent.ConcurrentQueue<EventBody>(traffic.Bodies(tokens, 250));
        var total = bodies.Count;
        var acknowledged = 0;
        async Task SendAsync()
        {
            while (bodies.TryDequeue(out var body))
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await EventPoster.PostAsync(front, body);
                        Interlocked.Increment(ref acknowledged);
                        break;
                    }
                    catch (Exception exception) when (attempt < 50 && exception is InvalidOperationException or HttpRequestException or TaskCanceledException)
                    {
                        await Task.Delay(200);
                    }
                }
            }
        }

        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(SendAsync)).ToList();
        while (Volatile.Read(ref acknowledged) < total / 2)
        {
            await Task.Delay(10);
        }

        // Snapshots every 2 s: wait for one so the survivor starts from a snapshot, as in production.
        await Task.Delay(2_500);
        await cluster.Silos[victimIndex].KillAsync();
        var clock = Stopwatch.StartNew();
        double? detected = null;
        var detecting = Task.Run(async () =>
        {
            while (detected is null)
            {
                using var response = await cluster.Silos[0].Http.GetAsync(new Uri(cluster.Silos[0].BaseAddress!, "health/ready"));
                var report = await response.Content.ReadAsStringAsync();
                if (!report.Contains(victim, StringComparison.Ordinal))
                {
                    detected = clock.Elapsed.TotalSeconds;
                }

                await Task.Delay(50);
            }
        });
        await Task.WhenAll(senders);

        var oracle = new GroundTruth(traffic.Events, _ => TimeZoneInfo.Utc, new LexiconSentimentScorer().Score);
        while (true)
        {
            var at = DateTimeOffset.UtcNow;
            var differences = new FigureDifferences();
            foreach (var tenant in traffic.TenantIds)
            {
                foreach (var name in s_periods)
                {
                    var period = PeriodResolver.Resolve(name, at, TimeZoneInfo.Utc);
                    differences.Compare($"{tenant} {name}", oracle, tenant, period, at,
                        await HttpFigures.ReadAsync(cluster.Silos[0], tokens[tenant].Parameter!, name));
                }
            }

            if (differences.All.Count == 0)
            {
                var exact = clock.Elapsed.TotalSeconds;
                await detecting.WaitAsync(TimeSpan.FromSeconds(30));
                Progress($"failover: detected {detected:N1} s and exact {exact:N1} s after the kill ({differences.Compared:N0} figures)");
                return new FailoverResult(detected!.Value, exact, differences.Compared);
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new InvalidOperationException(
                    $"Still {differences.All.Count} of {differences.Compared} figures wrong 120 s after the kill: {string.Join("; ", differences.All.Take(5))}");
            }

            await Task.Delay(100);
        }
    }

    private static Dictionary<string, string> Owners(IReadOnlyList<string> addresses, IReadOnlyList<string> tenants)
    {
        var at = DateTimeOffset.UtcNow;
        var members = addresses.Select((address, i) => new ClusterMember(
            address, $"silo-{i + 1}", i == 0 ? SiloRoles.Front : SiloRoles.Worker, MemberStatus.Active, i + 1, at, at)).ToList();
        var view = new ClusterView();
        view.Publish(new MembershipSnapshot(1, at, [.. members.OrderBy(m => m.Address, StringComparer.Ordinal)]));
        var placement = new RendezvousPlacementDirector(view, addresses[0]);
        return tenants.ToDictionary(t => t, t => placement.OwnerOf(t)!.Address, StringComparer.Ordinal);
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[cluster {DateTime.UtcNow:HH:mm:ss}] {message}"));
}
