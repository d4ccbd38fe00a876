using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Sentiment;
using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Placement;
using ContactOS.Simulation;
using ContactOS.Simulation.Oracle;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing;
using ContactOS.Testing.Analytics;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Processes;
using Xunit.Abstractions;
using static ContactOS.Cluster.Tests.Membership.Members;
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
    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];
    private static readonly string[] s_zones = ["UTC", "Europe/Madrid", "Asia/Kolkata", "America/New_York"];

    [Fact]
    public async Task A_worker_killed_under_ingestion_loses_nothing_and_every_endpoint_is_exact_within_10_s_of_its_death_being_detected()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        var rows = new MembershipRows(connectionString);
        var zones = TenantsOnBothWorkers();
        var owners = Owners(zones.Keys);

        await using var worker1 = Start(connectionString, "worker-1", Address(Worker1), "worker", "--Pipeline:SnapshotInterval", "00:00:01");
        await using var worker2 = Start(connectionString, "worker-2", Address(Worker2), "worker", "--Pipeline:SnapshotInterval", "00:00:01");
        await using var front = Start(connectionString, "front", Address(Front), "front", "--Demo:Enabled", "true");
        await Task.WhenAll(worker1.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)), worker2.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)),
            front.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)));
        await Eventually.TrueAsync(async () => (await ReadinessAsync(front)).Description.Contains(Address(Worker2), StringComparison.Ordinal)
            && (await ReadinessAsync(front)).Description.Contains(Address(Worker1), StringComparison.Ordinal), "the front to see both workers", TimeSpan.FromSeconds(10));

        try
        {
            await RunAsync(connectionString, rows, zones, owners, worker1, worker2, front);
        }
        catch
        {
            foreach (var silo in new[] { worker1, worker2, front })
            {
                var log = silo.Output;
                output.WriteLine($"---- silo {silo.Id} ----{Environment.NewLine}{log[Math.Max(0, log.Length - 6_000)..]}");
            }

            throw;
        }
    }

    private async Task RunAsync(
        string connectionString, MembershipRows rows, Dictionary<string, string> zones, Dictionary<string, string> owners,
        SiloProcess worker1, SiloProcess worker2, SiloProcess front)
    {
        var client = new Client(front);
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
        var batches = new ConcurrentQueue<(string Tenant, ContactEvent[] Events)>(arrivals
            .Chunk(BatchSize * zones.Count)
            .SelectMany(chunk => chunk.GroupBy(e => e.TenantId, StringComparer.Ordinal).Select(g => (g.Key, g.Select(e => e.Event).ToArray()))));
        var total = batches.Count;

        // Kill the worker that owns the first tenant once half the batches are acknowledged (and snapshots exist).
        var victimAddress = owners[zones.Keys.First()];
        var victim = victimAddress == Address(Worker1) ? worker1 : worker2;
        var clock = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, Senders).Select(_ => client.SendAllAsync(batches, total)).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(client.AcknowledgedBatches >= total / 2 && clock.Elapsed > TimeSpan.FromSeconds(3)),
            "ingestion to reach half of the batches", TimeSpan.FromSeconds(30));
        await victim.KillAsync();
        var killedAt = clock.Elapsed;
        var acknowledgedAtKill = client.AcknowledgedBatches;

        await Eventually.TrueAsync(async () => await rows.StatusAsync(victimAddress) == "dead", "the killed worker to be declared dead", TimeSpan.FromSeconds(30));
        var detectedAt = clock.Elapsed;
        await Task.WhenAll(senders);
        var sentAt = clock.Elapsed;

        var oracle = new GroundTruth(arrivals, tenant => TimeZoneInfo.FindSystemTimeZoneById(zones[tenant]), new LexiconSentimentScorer().Score);
        FigureDifferences differences;
        while (true)
        {
            differences = await CompareAsync(front, client, zones, oracle);
            if (differences.All.Count == 0 || clock.Elapsed - detectedAt > s_exactWithin + TimeSpan.FromSeconds(20))
            {
                break;
            }

            await Task.Delay(200);
        }

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

    private static async Task<FigureDifferences> CompareAsync(SiloProcess front, Client client, Dictionary<string, string> zones, GroundTruth oracle)
    {
        var now = DateTimeOffset.UtcNow;
        var differences = new FigureDifferences();
        foreach (var (tenant, zoneId) in zones)
        {
            foreach (var name in s_periods)
            {
                var period = PeriodResolver.Resolve(name, now, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
                differences.Compare($"{tenant} {name}", oracle, tenant, period, now, await HttpFigures.ReadAsync(front, client.Token(tenant), name));
            }
        }

        return differences;
    }

    /// <summary>Four tenants, at least one owned by each worker, each in its own time zone.</summary>
    private static Dictionary<string, string> TenantsOnBothWorkers()
    {
        while (true)
        {
            var tenants = s_zones.Select((zone, i) => ($"fo{i}-{Guid.NewGuid():N}"[..16], zone)).ToList();
            var owners = Owners(tenants.Select(t => t.Item1));
            if (owners.Values.Distinct().Count() == 2)
            {
                return tenants.ToDictionary(t => t.Item1, t => t.zone, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Each tenant's owner as every silo computes it with both workers and the front active.</summary>
    private static Dictionary<string, string> Owners(IEnumerable<string> tenants)
    {
        var view = new ClusterView();
        view.Publish(Snapshot(1, Active(Address(Worker1), roles: SiloRoles.Worker), Active(Address(Worker2), roles: SiloRoles.Worker), Active(Address(Front), roles: SiloRoles.Front)));
        var placement = new RendezvousPlacementDirector(view, Address(Front));
        return tenants.ToDictionary(t => t, t => placement.OwnerOf(t)!.Address, StringComparer.Ordinal);
    }

    /// <summary>A conversation platform posting to the front silo: re-sends a batch until it is acknowledged.</summary>
    private sealed class Client(SiloProcess front)
    {
        private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
        private int _batches;
        private int _accepted;

        public int AcknowledgedBatches => Volatile.Read(ref _batches);

        public int Accepted => Volatile.Read(ref _accepted);

        public string Token(string tenant) => _tokens[tenant];

        public async Task SignInAsync(string tenant, string zone)
        {
            using var response = await SendAsync(HttpMethod.Post, "api/v2/auth/dev-token", null,
                JsonContent.Create(new { tenant, roles = new[] { "admin", "ingest", "viewer" } }));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            _tokens[tenant] = answer.RootElement.GetProperty("token").GetString()!;
            using var put = await SendAsync(HttpMethod.Put, "api/v2/tenant", _tokens[tenant], JsonContent.Create(new { displayName = tenant, timeZone = zone }));
            Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        public async Task SendAllAsync(ConcurrentQueue<(string Tenant, ContactEvent[] Events)> batches, int total)
        {
            while (batches.TryDequeue(out var batch))
            {
                for (var attempt = 1; !await TryPostAsync(batch.Tenant, batch.Events); attempt++)
                {
                    Assert.True(attempt < 50, $"a batch of tenant {batch.Tenant} was refused {attempt} times");
                    await Task.Delay(200);
                }
            }
        }

        private async Task<bool> TryPostAsync(string tenant, ContactEvent[] events)
        {
            var body = new StringBuilder("[");
            for (var i = 0; i < events.Length; i++)
            {
                body.Append(i == 0 ? "" : ",").Append(Encoding.UTF8.GetString(ContactEventJson.Serialize(events[i])));
            }

            try
            {
                using var content = new StringContent(body.Append(']').ToString(), Encoding.UTF8, "application/json");
                using var response = await SendAsync(HttpMethod.Post, "api/v2/events", _tokens[tenant], content);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }

                using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal(0, answer.RootElement.GetProperty("rejected").GetArrayLength());
                Interlocked.Add(ref _accepted, answer.RootElement.GetProperty("accepted").GetInt32());
                Interlocked.Increment(ref _batches);
                return true;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content)
        {
            using var request = new HttpRequestMessage(method, new Uri(front.BaseAddress!, path)) { Content = content };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return await front.Http.SendAsync(request);
        }
    }
}
