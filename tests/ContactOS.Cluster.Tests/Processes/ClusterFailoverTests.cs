using System.Collections.Concurrent;
using System.Diagnostics;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Processes;
using Xunit.Abstractions;
using static ContactOS.Cluster.Tests.Processes.ClusterNode;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>
/// Three real processes on PostgreSQL, with the product's default liveness settings: one front (an Orleans client, no
/// grains) and two workers. Every request goes to the front, so every grain call crosses to a worker. A worker is killed
/// with SIGKILL while senders post continuously; they re-send what fails, as a platform does. Once the cluster has
/// declared the worker dead, every figure of every endpoint, tenant and period must equal the ground truth within 10 s:
/// nothing acknowledged lost, nothing counted twice, the dead worker's tenants rebuilt on the survivor from their
/// snapshots and the log.
/// </summary>
public sealed class ClusterFailoverTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int BatchSize = 250;
    private const int Senders = 4;
    private static readonly TimeSpan s_exactWithin = TimeSpan.FromSeconds(10);
    private static readonly string[] s_zones = ["UTC", "Europe/Madrid", "Asia/Kolkata", "America/New_York"];

    [Fact]
    public async Task A_worker_killed_under_ingestion_loses_nothing_and_every_endpoint_is_exact_within_10_s_of_its_death_being_detected()
    {
        var connectionString = await postgres.CreateDatabaseAsync("failover");
        await using var worker1 = Start(connectionString, "worker-1", "worker", "--Pipeline:SnapshotInterval", "00:00:01");
        await using var worker2 = Start(connectionString, "worker-2", "worker", "--Pipeline:SnapshotInterval", "00:00:01");
        await using var front = Start(connectionString, "front", "front", "--Demo:Enabled", "true");
        SiloProcess[] processes = [worker1, worker2, front];
        try
        {
            await Task.WhenAll(processes.Select(process => process.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
            await Eventually.TrueAsync(async () => (await ReadinessAsync(front)).Description.Contains("reaches 2 active silos", StringComparison.Ordinal),
                "the front to reach both workers", TimeSpan.FromSeconds(20));
            await RunAsync(connectionString, worker1, worker2, front);
        }
        catch
        {
            WriteOutputs(output, processes);
            throw;
        }
    }

    private async Task RunAsync(string connectionString, SiloProcess worker1, SiloProcess worker2, SiloProcess front)
    {
        // Eight tenants: Orleans places their grains on either worker, so the killed one almost surely holds some.
        var zones = Enumerable.Range(0, 8).ToDictionary(i => $"fo{i}-{Guid.NewGuid():N}"[..16], i => s_zones[i % s_zones.Length], StringComparer.Ordinal);
        var client = new PlatformClient(front);
        foreach (var (tenant, zone) in zones)
        {
            await client.SignInAsync(tenant, zone);
        }

        var arrivals = TrafficGenerator.Generate(TrafficOptions.EndingAt(DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(100)) with
        {
            Seed = 7,
            TenantIds = [.. zones.Keys],
            ConversationsPerTenant = 150,
            AgentsPerTenant = 3,
        });
        var batches = new ConcurrentQueue<TenantBatch>(TenantBatch.Split(arrivals, BatchSize, zones.Count));
        var total = batches.Count;

        var clock = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, Senders).Select(_ => client.SendAllAsync(batches)).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(client.AcknowledgedBatches >= total / 2 && clock.Elapsed > TimeSpan.FromSeconds(3)),
            "ingestion to reach half of the batches", TimeSpan.FromSeconds(60));
        await worker1.KillAsync();
        var killedAt = clock.Elapsed;
        var acknowledgedAtKill = client.AcknowledgedBatches;

        await Eventually.TrueAsync(async () => await ActiveSilosAsync(connectionString) == 1, "the killed worker to be declared dead", TimeSpan.FromSeconds(60));
        var detectedAt = clock.Elapsed;
        await Task.WhenAll(senders);
        var sentAt = clock.Elapsed;

        var oracle = ClusterFigures.Oracle(arrivals, zones);
        var (differences, _) = await ClusterFigures.UntilExactAsync(front, client, zones, oracle, s_exactWithin + TimeSpan.FromSeconds(20) - (clock.Elapsed - detectedAt));
        var exactAt = clock.Elapsed;
        output.WriteLine($"killed at {killedAt.TotalSeconds:0.0} s ({acknowledgedAtKill} of {total} batches acknowledged), death detected at " +
            $"{detectedAt.TotalSeconds:0.0} s, last batch acknowledged at {sentAt.TotalSeconds:0.0} s, exact at {exactAt.TotalSeconds:0.0} s " +
            $"({(exactAt - detectedAt).TotalSeconds:0.0} s after detection, {(exactAt - killedAt).TotalSeconds:0.0} s after the kill); " +
            $"{differences.Compared} figures compared, {client.ResentBatches} batches re-sent");
        Assert.True(differences.All.Count == 0,
            $"{differences.All.Count} of {differences.Compared} figures differ:{Environment.NewLine}{string.Join(Environment.NewLine, differences.All.Take(40))}");
        Assert.True(differences.Compared > 2_000, $"only {differences.Compared} figures compared");
        // The figures can only equal the ground truth of everything once everything is sent: the limit runs from the
        // later of the detection and the last acknowledgement.
        var exactAfter = exactAt - (detectedAt > sentAt ? detectedAt : sentAt);
        Assert.True(exactAfter <= s_exactWithin,
            $"exact {exactAfter.TotalSeconds:0.0} s after the death was detected and the last batch acknowledged (limit {s_exactWithin.TotalSeconds} s)");

        // Every distinct event acknowledged as new at most once; the dead worker's tenants caught up on the survivor.
        var distinct = arrivals.Select(e => (e.TenantId, e.Event.Id)).Distinct().Count();
        Assert.InRange(client.Accepted, 1, distinct);
        Assert.Matches(@"Tenant \S+ caught up with the event log from position [1-9]", worker2.Output);
    }
}
