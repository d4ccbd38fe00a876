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
/// Three real silo processes on PostgreSQL: one front silo (API only, owns no grain) and two workers. Every request
/// goes to the front, so every grain call crosses to a worker. A worker is killed with SIGKILL while senders post
/// continuously; they re-send what fails, as a platform does. Once the cluster has declared the worker dead, every
/// figure of every endpoint, tenant and period must equal the ground truth within 10 s: nothing acknowledged lost,
/// nothing counted twice, the dead worker's tenants rebuilt on the survivor from their snapshots and the log.
/// </summary>
public sealed class ClusterFailoverTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    // Addresses of their own: the membership tests run beside these and use 1 to 3.
    private const int Worker1 = 4;
    private const int Worker2 = 5;
    private const int Front = 6;
    private const int BatchSize = 250;
    private const int Senders = 4;
    private static readonly TimeSpan s_exactWithin = TimeSpan.FromSeconds(10);
    private static readonly string[] s_zones = ["UTC", "Europe/Madrid", "Asia/Kolkata", "America/New_York"];

    [Fact]
    public async Task A_worker_killed_under_ingestion_loses_nothing_and_every_endpoint_is_exact_within_10_s_of_its_death_being_detected()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        var rows = new MembershipRows(connectionString);
        var zones = TenantsOnBothWorkers();
        var owners = ExpectedPlacement.Owners(zones.Keys, Front, Worker1, Worker2);

        await using var worker1 = Start(connectionString, "worker-1", Address(Worker1), "worker", "--Pipeline:SnapshotInterval", "00:00:01");
        await using var worker2 = Start(connectionString, "worker-2", Address(Worker2), "worker", "--Pipeline:SnapshotInterval", "00:00:01");
        await using var front = Start(connectionString, "front", Address(Front), "front", "--Demo:Enabled", "true");
        await Task.WhenAll(worker1.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)), worker2.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)),
            front.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)));
        await Eventually.TrueAsync(async () =>
        {
            var seen = (await ReadinessAsync(front)).Description;
            return seen.Contains(Address(Worker1), StringComparison.Ordinal) && seen.Contains(Address(Worker2), StringComparison.Ordinal);
        }, "the front to see both workers", TimeSpan.FromSeconds(10));

        try
        {
            await RunAsync(connectionString, rows, zones, owners, worker1, worker2, front);
        }
        catch
        {
            WriteOutputs(output, new[] { worker1, worker2, front });

            throw;
        }
    }

    private async Task RunAsync(
        string connectionString, MembershipRows rows, Dictionary<string, string> zones, Dictionary<string, string> owners,
        SiloProcess worker1, SiloProcess worker2, SiloProcess front)
    {
        var client = new PlatformClient(front);
        foreach (var (tenant, zone) in zones)
        {
            await client.SignInAsync(tenant, zone);
        }

        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var arrivals = TrafficGenerator.Generate(TrafficOptions.EndingAt(now, TimeSpan.FromDays(100)) with
        {
            Seed = 7,
            TenantIds = [.. zones.Keys],
            ConversationsPerTenant = 300,
            AgentsPerTenant = 4,
        });
        var batches = new ConcurrentQueue<TenantBatch>(TenantBatch.Split(arrivals, BatchSize, zones.Count));
        var total = batches.Count;

        // Kill the worker that owns the first tenant once half the batches are acknowledged (and snapshots exist).
        var victimAddress = owners[zones.Keys.First()];
        var victim = victimAddress == Address(Worker1) ? worker1 : worker2;
        var clock = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, Senders).Select(_ => client.SendAllAsync(batches)).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(client.AcknowledgedBatches >= total / 2 && clock.Elapsed > TimeSpan.FromSeconds(3)),
            "ingestion to reach half of the batches", TimeSpan.FromSeconds(30));
        await victim.KillAsync();
        var killedAt = clock.Elapsed;
        var acknowledgedAtKill = client.AcknowledgedBatches;

        await Eventually.TrueAsync(async () => await rows.StatusAsync(victimAddress) == "dead", "the killed worker to be declared dead", TimeSpan.FromSeconds(30));
        var detectedAt = clock.Elapsed;
        await Task.WhenAll(senders);
        var sentAt = clock.Elapsed;

        var oracle = ClusterFigures.Oracle(arrivals, zones);
        var (differences, _) = await ClusterFigures.UntilExactAsync(front, client, zones, oracle, s_exactWithin + TimeSpan.FromSeconds(20) - (clock.Elapsed - detectedAt));

        var exactAt = clock.Elapsed;
        output.WriteLine($"killed at {killedAt.TotalSeconds:0.0} s ({acknowledgedAtKill} of {total} batches acknowledged), death detected at " +
            $"{detectedAt.TotalSeconds:0.0} s, last batch acknowledged at {sentAt.TotalSeconds:0.0} s, exact at {exactAt.TotalSeconds:0.0} s " +
            $"({(exactAt - detectedAt).TotalSeconds:0.0} s after detection, {(exactAt - killedAt).TotalSeconds:0.0} s after the kill); " +
            $"{differences.Compared} figures compared");
        Assert.True(differences.All.Count == 0,
            $"{differences.All.Count} of {differences.Compared} figures differ:{Environment.NewLine}{string.Join(Environment.NewLine, differences.All.Take(40))}");
        Assert.True(differences.Compared > 2_000, $"only {differences.Compared} figures compared");
        Assert.True(exactAt - detectedAt <= s_exactWithin,
            $"exact {(exactAt - detectedAt).TotalSeconds:0.0} s after the death was detected (limit {s_exactWithin.TotalSeconds} s)");

        var distinct = arrivals.Select(e => (e.TenantId, e.Event.Id)).Distinct().Count();
        Assert.InRange(client.Accepted, 1, distinct);
        Assert.Contains("caught up from position", worker1 == victim ? worker2.Output : worker1.Output);
    }

    /// <summary>Four tenants, at least one owned by each worker, each in its own time zone.</summary>
    private static Dictionary<string, string> TenantsOnBothWorkers()
    {
        while (true)
        {
            var tenants = s_zones.Select((zone, i) => ($"fo{i}-{Guid.NewGuid():N}"[..16], zone)).ToList();
            var owners = ExpectedPlacement.Owners(tenants.Select(t => t.Item1), Front, Worker1, Worker2);
            if (owners.Values.Distinct().Count() == 2)
            {
                return tenants.ToDictionary(t => t.Item1, t => t.zone, StringComparer.Ordinal);
            }
        }
    }
}
