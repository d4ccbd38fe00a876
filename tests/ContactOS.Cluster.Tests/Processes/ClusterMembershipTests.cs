using System.Collections.Concurrent;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Processes;
using Xunit.Abstractions;
using static ContactOS.Cluster.Tests.Processes.ClusterNode;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>
/// Silos joining and leaving a cluster under ingestion, on real processes: a third worker joins, then the first leaves
/// gracefully (its grains store their snapshots and activate on the others). Every event is acknowledged once and
/// every figure equals the ground truth.
/// </summary>
public sealed class ClusterMembershipTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int BatchSize = 250;

    [Fact]
    public async Task A_worker_joining_and_another_leaving_gracefully_under_ingestion_lose_nothing_and_count_nothing_twice()
    {
        var connectionString = await postgres.CreateDatabaseAsync("membership");
        await using var worker1 = Start(connectionString, "worker-1", "worker");
        await using var worker2 = Start(connectionString, "worker-2", "worker");
        await using var front = Start(connectionString, "front", "front", "--Demo:Enabled", "true");
        SiloProcess? worker3 = null;
        try
        {
            await Task.WhenAll(new[] { worker1, worker2, front }.Select(process => process.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
            var zones = Enumerable.Range(0, 6).ToDictionary(i => $"mb{i}-{Guid.NewGuid():N}"[..16], i => i % 2 == 0 ? "UTC" : "Asia/Kolkata", StringComparer.Ordinal);
            var client = new PlatformClient(front);
            foreach (var (tenant, zone) in zones)
            {
                await client.SignInAsync(tenant, zone);
            }

            var arrivals = TrafficGenerator.Generate(TrafficOptions.EndingAt(DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(60)) with
            {
                Seed = 5,
                TenantIds = [.. zones.Keys],
                ConversationsPerTenant = 120,
                AgentsPerTenant = 3,
            });
            var all = TenantBatch.Split(arrivals, BatchSize, zones.Count).ToList();
            var third = all.Count / 3;

            await SendAsync(client, all.Take(third));
            worker3 = Start(connectionString, "worker-3", "worker");
            await worker3.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            await Eventually.TrueAsync(async () => await ActiveSilosAsync(connectionString) == 3, "the third worker to join", TimeSpan.FromSeconds(30));

            await SendAsync(client, all.Skip(third).Take(third));
            await ExitAssert.StopsGracefullyAsync(worker1);
            await Eventually.TrueAsync(async () => await ActiveSilosAsync(connectionString) == 2, "the first worker to leave", TimeSpan.FromSeconds(30));
            await SendAsync(client, all.Skip(2 * third));

            var (differences, comparisons) = await ClusterFigures.UntilExactAsync(front, client, zones, ClusterFigures.Oracle(arrivals, zones), TimeSpan.FromSeconds(20));
            output.WriteLine($"{differences.Compared} figures compared ({comparisons} comparisons), {client.ResentBatches} batches re-sent");
            Assert.True(differences.All.Count == 0,
                $"{differences.All.Count} of {differences.Compared} figures differ:{Environment.NewLine}{string.Join(Environment.NewLine, differences.All.Take(40))}");
            Assert.Equal(arrivals.Select(e => (e.TenantId, e.Event.Id)).Distinct().Count(), client.Accepted);
        }
        catch
        {
            WriteOutputs(output, [worker1, worker2, front, .. worker3 is null ? [] : new[] { worker3 }]);
            throw;
        }
        finally
        {
            if (worker3 is not null)
            {
                await worker3.DisposeAsync();
            }
        }
    }

    private static async Task SendAsync(PlatformClient client, IEnumerable<TenantBatch> batches)
    {
        var queue = new ConcurrentQueue<TenantBatch>(batches);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.SendAllAsync(queue)));
    }
}
