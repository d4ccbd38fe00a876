using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Sentiment;
using ContactOS.Analytics.Settings;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Simulation;
using ContactOS.Simulation.Oracle;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing.Analytics;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Durability;

/// <summary>
/// Durability end to end, with real processes and HTTP: seeded multi-tenant traffic (over 50,000 events, duplicates
/// and late arrivals included) is posted by concurrent senders; the silo is killed with SIGKILL while requests are in
/// flight, restarted on the same database, and the senders re-send what was not acknowledged, as a platform does.
/// Afterwards every endpoint of every tenant and period must equal the ground truth computed from the raw events:
/// nothing acknowledged is lost and nothing is counted twice.
/// </summary>
public sealed partial class KillDuringIngestionTests : IAsyncLifetime
{
    private const int BatchSize = 500;
    private const int Senders = 4;
    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    private readonly SiloSession _session = new();
    private readonly Dictionary<string, string> _zones = new(StringComparer.Ordinal)
    {
        [AuthSilo.NewTenant("utc")] = "UTC",
        [AuthSilo.NewTenant("madrid")] = "Europe/Madrid",
        [AuthSilo.NewTenant("kolkata")] = "Asia/Kolkata",
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_equals_the_ground_truth_after_a_kill_9_in_the_middle_of_ingestion()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var arrivals = TrafficGenerator.Generate(TrafficOptions.EndingAt(now, TimeSpan.FromDays(100)) with
        {
            Seed = 42,
            TenantIds = [.. _zones.Keys],
            ConversationsPerTenant = 1_400,
            AgentsPerTenant = 5,
        });
        Assert.InRange(arrivals.Count, 50_000, 100_000);
        var batches = new ConcurrentQueue<(string Tenant, ContactEvent[] Events)>(arrivals
            .Chunk(BatchSize * _zones.Count)
            .SelectMany(chunk => chunk.GroupBy(e => e.TenantId, StringComparer.Ordinal).Select(g => (g.Key, g.Select(e => e.Event).ToArray()))));
        var total = batches.Count;

        await _session.StartAsync();
        foreach (var (tenant, zone) in _zones)
        {
            await _session.SetTenantAsync(tenant, zone);
        }

        // Senders post until a third of the batches is acknowledged and snapshots have been taken, then the silo dies
        // under them; what was in flight is kept for re-sending. After the first third they slow down, so the rest
        // still lasts until the kill however fast the silo ingests.
        var acknowledged = new Counts();
        var unacknowledged = new ConcurrentQueue<(string Tenant, ContactEvent[] Events)>();
        var started = Stopwatch.StartNew();
        using var killed = new CancellationTokenSource();
        var senders = Enumerable.Range(0, Senders)
            .Select(_ => SendUntilKilledAsync(batches, unacknowledged, acknowledged, total / 3, killed.Token)).ToList();
        while (acknowledged.Batches < total / 3 || started.Elapsed < TimeSpan.FromSeconds(3))
        {
            Assert.True(batches.Count > 0 || acknowledged.Batches < total, "ingestion ended before the kill");
            await Task.Delay(20);
        }

        await _session.Process.KillAsync();
        await killed.CancelAsync();
        await Task.WhenAll(senders);
        var acknowledgedBeforeKill = acknowledged.Batches;
        Assert.True(unacknowledged.Count + batches.Count > 0, "nothing was left to send after the kill");

        await _session.StartAsync();

        var inFlightAtKill = unacknowledged.Sum(batch => batch.Events.Length);
        foreach (var batch in unacknowledged.Concat(batches))
        {
            await PostAsync(batch.Tenant, batch.Events, acknowledged);
        }

        // Every distinct event is acknowledged as accepted at most once across both lives of the silo. The only ones
        // never acknowledged as accepted are batches the dying silo committed without answering: re-sent, they are
        // duplicates.
        var distinct = arrivals.Select(e => (e.TenantId, e.Event.Id)).Distinct().Count();
        Assert.InRange(acknowledged.Accepted, distinct - inFlightAtKill, distinct);
        Assert.True(acknowledgedBeforeKill > 0 && acknowledgedBeforeKill < total);

        await AssertEveryEndpointEqualsTheGroundTruthAsync(arrivals);

        // Each tenant's grains started again from a snapshot taken before the kill, not from the start of the log.
        var recoveries = RecoveryLine().Matches(_session.Process.Output);
        Assert.Equal(_zones.Keys.Order(StringComparer.Ordinal), recoveries.Select(r => r.Groups["tenant"].Value).Order(StringComparer.Ordinal));
        Assert.All(recoveries, recovery => Assert.True(
            long.Parse(recovery.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0,
            "no snapshot was stored before the kill: " + recovery.Value));
    }

    private async Task AssertEveryEndpointEqualsTheGroundTruthAsync(IReadOnlyList<TenantEvent> arrivals)
    {
        var scorer = new LexiconSentimentScorer();
        var oracle = new GroundTruth(arrivals, tenant => TimeZoneInfo.FindSystemTimeZoneById(_zones[tenant]), scorer.Score);

        // One tenant reads the second wave's figures with settings of its own, set as an admin would; the others keep the defaults.
        var settings = _zones.Keys.ToDictionary(tenant => tenant, _ => AnalyticsSettings.Default, StringComparer.Ordinal);
        var custom = _zones.Keys.Order(StringComparer.Ordinal).First();
        settings[custom] = new AnalyticsSettings(2, 6, 0.8, ["fallback", "billing_question"], "EUR", 31.5m, 7.25m, 0.05m);
        await _session.SetAnalyticsSettingsAsync(custom, _zones[custom], settings[custom]);

        // The server resolves periods with its own clock: compare again if an hour boundary passed meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            var now = DateTimeOffset.UtcNow;
            var differences = new FigureDifferences();
            foreach (var (tenant, zoneId) in _zones)
            {
                foreach (var name in s_periods)
                {
                    var period = PeriodResolver.Resolve(name, now, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
                    var served = await _session.FiguresAsync(tenant, name);
                    differences.Compare($"{tenant} {name}", oracle, tenant, period, now, served);
                    differences.CompareSecondWave(
                        $"{tenant} {name}", oracle, tenant, period, now, settings[tenant], await _session.SecondWaveAsync(tenant, name), TimeSpan.FromMinutes(1));
                }
            }

            if (differences.All.Count == 0)
            {
                Assert.True(differences.Compared > 5_000, $"only {differences.Compared} figures compared");
                return;
            }

            if (attempt == 0 && DateTimeOffset.UtcNow.Hour != now.Hour)
            {
                continue;
            }

            Assert.Fail($"{differences.All.Count} of {differences.Compared} figures differ:{Environment.NewLine}{string.Join(Environment.NewLine, differences.All.Take(40))}");
        }
    }

    private async Task SendUntilKilledAsync(
        ConcurrentQueue<(string Tenant, ContactEvent[] Events)> batches,
        ConcurrentQueue<(string Tenant, ContactEvent[] Events)> unacknowledged,
        Counts acknowledged,
        int fullSpeedBatches,
        CancellationToken killed)
    {
        while (!killed.IsCancellationRequested && batches.TryDequeue(out var batch))
        {
            if (acknowledged.Batches >= fullSpeedBatches)
            {
                await Task.Delay(200, CancellationToken.None);
            }

            try
            {
                await PostAsync(batch.Tenant, batch.Events, acknowledged);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                unacknowledged.Enqueue(batch);
            }
        }
    }

    private async Task PostAsync(string tenant, ContactEvent[] events, Counts acknowledged) =>
        acknowledged.Add(await _session.PostEventsAsync(tenant, events));

    [GeneratedRegex(@"Tenant (?<tenant>\S+) caught up with the event log from position (?<from>\d+) to (?<through>\d+)")]
    private static partial Regex RecoveryLine();

    private sealed class Counts
    {
        private int _batches;
        private int _accepted;

        public int Batches => Volatile.Read(ref _batches);

        public int Accepted => Volatile.Read(ref _accepted);

        public void Add(int accepted)
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _accepted, accepted);
        }
    }
}
