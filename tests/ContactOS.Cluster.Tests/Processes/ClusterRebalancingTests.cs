using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Processes;
using Xunit.Abstractions;
using static ContactOS.Cluster.Tests.Processes.ClusterNode;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>
/// Three real silo processes on PostgreSQL, the cluster growing and shrinking under ingestion: a front silo and one
/// worker, then a second worker joins, then the first worker leaves gracefully. Senders post to the front all along and
/// re-send what fails, as a platform does. After each change: every batch is acknowledged, only the tenants whose owner
/// changed move (the newcomer loads the tenants it wins and no other; the old owner deactivates what moved), and every
/// figure of every endpoint, tenant and period equals the ground truth of what was acknowledged.
/// </summary>
public sealed class ClusterRebalancingTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    // Addresses of their own: membership tests use 1 to 3, failover 4 to 6.
    private const int Front = 7;
    private const int Worker1 = 8;
    private const int Worker2 = 9;
    private const int BatchSize = 40;
    private const int Senders = 4;
    private const string Moved = "activations moved to other silos";
    private static readonly TimeSpan s_exactWithin = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_moveWithin = TimeSpan.FromSeconds(15);
    private static readonly string[] s_zones = ["UTC", "Europe/Madrid", "Asia/Kolkata", "America/New_York"];

    [Fact]
    public async Task A_worker_joining_then_the_first_one_leaving_under_ingestion_moves_only_the_tenants_whose_owner_changed_and_keeps_every_figure_exact()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        var zones = TenantsSplitByTheNewcomer();
        var owners = ExpectedPlacement.Owners(zones.Keys, Front, Worker1, Worker2);
        var moving = zones.Keys.Where(t => owners[t] == Address(Worker2)).ToList();
        var staying = zones.Keys.Where(t => owners[t] == Address(Worker1)).ToList();

        await using var worker1 = Start(connectionString, "worker-1", Address(Worker1), "worker", "--Pipeline:SnapshotInterval", "00:00:01");
        await using var front = Start(connectionString, "front", Address(Front), "front", "--Demo:Enabled", "true");
        await Task.WhenAll(worker1.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)), front.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)));
        await Eventually.TrueAsync(async () => (await ReadinessAsync(front)).Description.Contains(Address(Worker1), StringComparison.Ordinal),
            "the front to see the worker", TimeSpan.FromSeconds(10));
        var silos = new List<SiloProcess> { worker1, front };
        try
        {
            await RunAsync(connectionString, zones, moving, staying, silos);
        }
        catch
        {
            WriteOutputs(output, silos);

            throw;
        }
        finally
        {
            // The second worker, started by the test itself.
            foreach (var silo in silos.Skip(2))
            {
                await silo.DisposeAsync();
            }
        }
    }

    private async Task RunAsync(
        string connectionString, Dictionary<string, string> zones, List<string> moving, List<string> staying, List<SiloProcess> silos)
    {
        var (worker1, front) = (silos[0], silos[1]);
        var rows = new MembershipRows(connectionString);
        var client = new PlatformClient(front) { PauseBetweenBatches = TimeSpan.FromMilliseconds(100) };
        foreach (var (tenant, zone) in zones)
        {
            await client.SignInAsync(tenant, zone);
        }

        // More traffic than the test sends: it pauses the senders to compare, and stops them at the end.
        var arrivals = TrafficGenerator.Generate(TrafficOptions.EndingAt(DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(100)) with
        {
            Seed = 11,
            TenantIds = [.. zones.Keys],
            ConversationsPerTenant = 1_500,
            AgentsPerTenant = 4,
        });
        var batches = TenantBatch.Split(arrivals, BatchSize, zones.Count);
        var queue = new ConcurrentQueue<TenantBatch>(batches);
        var clock = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, Senders).Select(_ => client.SendAllAsync(queue)).ToList();

        // 1. Ingestion on the only worker, then a second worker joins.
        await AcknowledgedAsync(client, senders, 3 * Senders, "ingestion on the first worker");
        await Eventually.TrueAsync(() => zones.Keys.All(t => CaughtUpCount(worker1, t) == 1), "the first worker to route every tenant", s_moveWithin);
        var joinStartedAt = clock.Elapsed;
        var worker2 = Start(connectionString, "worker-2", Address(Worker2), "worker", "--Pipeline:SnapshotInterval", "00:00:01");
        silos.Add(worker2);
        await worker2.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        await Eventually.TrueAsync(async () => (await ReadinessAsync(front)).Description.Contains(Address(Worker2), StringComparison.Ordinal),
            "the front to see the second worker", TimeSpan.FromSeconds(10));
        var joinedAt = clock.Elapsed;
        await Eventually.TrueAsync(() => moving.All(t => CaughtUpCount(worker2, t) > 0),
            $"the newcomer to catch up {string.Join(", ", moving)}", s_moveWithin);
        await Eventually.TrueAsync(() => worker1.StandardOutput.Contains(Moved, StringComparison.Ordinal),
            "the first worker to deactivate what moved", s_moveWithin);
        var movedAt = clock.Elapsed;
        await AcknowledgedAsync(client, senders, client.AcknowledgedBatches + (2 * Senders), "ingestion after the join");

        var afterJoin = await ExactAsync("join", client, queue, batches, zones, front, clock, joinedAt);
        Assert.All(staying, t => Assert.Equal(0, CaughtUpCount(worker2, t)));
        Assert.All(staying, t => Assert.Equal(1, CaughtUpCount(worker1, t)));
        output.WriteLine($"join: started at {joinStartedAt.TotalSeconds:0.0} s, seen by the front at {joinedAt.TotalSeconds:0.0} s, " +
            $"{string.Join(", ", moving)} moved to the newcomer by {movedAt.TotalSeconds:0.0} s, {string.Join(", ", staying)} stayed; {afterJoin}");

        // 2. Ingestion on both workers, then the first one leaves gracefully.
        client.Resume();
        await AcknowledgedAsync(client, senders, client.AcknowledgedBatches + (3 * Senders), "ingestion on both workers");
        var leaveStartedAt = clock.Elapsed;
        var stopped = worker1.StopGracefullyAsync(TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(async () => await rows.StatusAsync(Address(Worker1)) == "left", "the first worker to leave", TimeSpan.FromSeconds(30));
        var leftAt = clock.Elapsed;
        await Eventually.TrueAsync(() => staying.All(t => CaughtUpCount(worker2, t) > 0),
            $"the remaining worker to catch up {string.Join(", ", staying)}", s_moveWithin);
        var takenOverAt = clock.Elapsed;
        Assert.Equal(0, await stopped);
        var exitedAt = clock.Elapsed;
        await AcknowledgedAsync(client, senders, client.AcknowledgedBatches + (2 * Senders), "ingestion after the leave");

        var afterLeave = await ExactAsync("leave", client, queue, batches, zones, front, clock, leftAt);
        Assert.All(moving, t => Assert.Equal(1, CaughtUpCount(worker2, t)));

        // The leaving worker handed its grains over right after leaving, while it still answered: nobody waited on it.
        var log = worker1.StandardOutput;
        Assert.InRange(log.IndexOf("Silo worker-1 left the cluster", StringComparison.Ordinal), 0, log.LastIndexOf(Moved, StringComparison.Ordinal));
        Assert.DoesNotContain("did not confirm applying them", front.StandardOutput, StringComparison.Ordinal);
        Assert.True(client.LongestAcknowledgement < TimeSpan.FromSeconds(10),
            $"a batch was acknowledged only {client.LongestAcknowledgement.TotalSeconds:0.0} s after it was first sent");
        output.WriteLine($"leave: started at {leaveStartedAt.TotalSeconds:0.0} s, row left at {leftAt.TotalSeconds:0.0} s, " +
            $"{string.Join(", ", staying)} taken over by {takenOverAt.TotalSeconds:0.0} s, process exited at {exitedAt.TotalSeconds:0.0} s; {afterLeave}");
        output.WriteLine($"{client.AcknowledgedBatches} batches acknowledged ({client.Accepted} new events), {client.ResentBatches} of them re-sent; " +
            $"longest acknowledgement {client.LongestAcknowledgement.TotalSeconds:0.00} s; whole test {clock.Elapsed.TotalSeconds:0.0} s");

        queue.Clear();
        client.Resume();
        await Task.WhenAll(senders);
    }

    /// <summary>
    /// Pauses the senders, then compares every figure with the ground truth of what was acknowledged until they agree;
    /// fails if they still differ after <see cref="s_exactWithin"/>. Returns a line with the timings.
    /// </summary>
    private async Task<string> ExactAsync(
        string change, PlatformClient client, ConcurrentQueue<TenantBatch> queue, List<TenantBatch> batches, Dictionary<string, string> zones,
        SiloProcess front, Stopwatch clock, TimeSpan changedAt)
    {
        await client.PauseAsync();
        var pausedAt = clock.Elapsed;
        var acknowledged = batches.Count - queue.Count;
        Assert.Equal(acknowledged, client.AcknowledgedBatches);
        var oracle = ClusterFigures.Oracle(TenantBatch.Arrivals(batches.Take(acknowledged)), zones);
        var (differences, comparisons) = await ClusterFigures.UntilExactAsync(front, client, zones, oracle, s_exactWithin);
        var exactAt = clock.Elapsed;
        Assert.True(differences.All.Count == 0,
            $"after the {change}, {differences.All.Count} of {differences.Compared} figures differ:{Environment.NewLine}" +
            string.Join(Environment.NewLine, differences.All.Take(40)));
        Assert.True(differences.Compared > 2_000, $"only {differences.Compared} figures compared");
        return $"{acknowledged} batches acknowledged when paused at {pausedAt.TotalSeconds:0.0} s, every figure exact at " +
            $"{exactAt.TotalSeconds:0.0} s ({(exactAt - pausedAt).TotalSeconds:0.0} s after the pause, {(exactAt - changedAt).TotalSeconds:0.0} s " +
            $"after the {change}; {differences.Compared} figures compared, {comparisons} comparisons)";
    }

    /// <summary>Waits until <paramref name="batches"/> are acknowledged; fails early if a sender failed or the traffic ran out.</summary>
    private static async Task AcknowledgedAsync(PlatformClient client, List<Task> senders, int batches, string what)
    {
        await Eventually.TrueAsync(() => client.AcknowledgedBatches >= batches || senders.Any(s => s.IsCompleted), what, TimeSpan.FromSeconds(30));
        if (senders.FirstOrDefault(s => s.IsCompleted) is { } ended)
        {
            await ended;
            Assert.Fail($"the senders ran out of traffic before {what}");
        }
    }

    /// <summary>How often <paramref name="silo"/> logged that it caught <paramref name="tenant"/> up as its new owner.</summary>
    private static int CaughtUpCount(SiloProcess silo, string tenant) =>
        Regex.Count(silo.StandardOutput, $@"Tenant {Regex.Escape(tenant)} caught up from position");

    /// <summary>Four tenants, each in its own time zone: when the second worker joins, it wins some of them and not the others.</summary>
    private static Dictionary<string, string> TenantsSplitByTheNewcomer()
    {
        while (true)
        {
            var tenants = s_zones.Select((zone, i) => ($"rb{i}-{Guid.NewGuid():N}"[..16], zone)).ToList();
            var owners = ExpectedPlacement.Owners(tenants.Select(t => t.Item1), Front, Worker1, Worker2);
            if (owners.Values.Distinct().Count() == 2)
            {
                return tenants.ToDictionary(t => t.Item1, t => t.zone, StringComparer.Ordinal);
            }
        }
    }
}
