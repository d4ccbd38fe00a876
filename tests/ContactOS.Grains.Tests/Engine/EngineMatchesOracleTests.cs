using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;
using ContactOS.Grains.Agents;
using ContactOS.Grains.Ingestion;
using ContactOS.Grains.Tenants;
using ContactOS.Simulation;
using ContactOS.Simulation.Oracle;
using ContactOS.Testing;
using ContactOS.Testing.Analytics;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// The incremental engine, run through real Orleans grains (the tenant's pipeline, conversation and agent grains, tenant
/// grains, the query layer the REST API serves), against the simulator's ground truth that recomputes docs/analytics.md
/// from the raw events: every figure of every tenant and period must agree, whatever order the events arrive in, after
/// grains were collected and reloaded, and after a crash and recovery from snapshots plus the log.
/// </summary>
public sealed class EngineMatchesOracleTests(SimulatedTraffic traffic, PostgresFixture postgres)
    : IClassFixture<SimulatedTraffic>, IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    private readonly SqliteTestDirectory _data = new();

    [Fact]
    public async Task Every_figure_of_every_tenant_and_period_equals_the_oracle()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        await using var cluster = await StartAsync(log);
        var replay = await EventLogReplay.DeliverAsync(cluster, log, traffic.Events);

        var insightsFired = await AssertEngineEqualsOracleAsync(cluster, traffic.Events);

        // The traffic must hold what the engine is meant to cope with, or the comparison proves less than it claims.
        Assert.InRange(replay.Accepted, 50_000, int.MaxValue);
        Assert.True(replay.Duplicates > 100, $"only {replay.Duplicates} duplicates");
        Assert.Equal(0, replay.FailedCalls);
        var startsSeenLate = traffic.Events
            .Where(e => !EventTypes.IsAgentEvent(e.Event.Type))
            .GroupBy(e => (e.TenantId, e.Event.ConversationId))
            .Count(conversation => conversation.First().Event.Type != EventTypes.ConversationStarted);
        Assert.True(startsSeenLate > 50, $"only {startsSeenLate} conversations first seen through another event");
        Assert.True(insightsFired > 0, "no insight rule fired in any tenant or period");
    }

    [Theory]
    [InlineData("reversed batches")]
    [InlineData("shuffled")]
    public async Task The_same_traffic_in_another_arrival_order_still_equals_the_oracle(string order)
    {
        IReadOnlyList<TenantEvent> arrivals = order switch
        {
            "reversed batches" => [.. traffic.Events.Chunk(EventLogReplay.BatchSize).Reverse().SelectMany(batch => batch)],
            _ => Shuffled(traffic.Events, seed: 7),
        };

        var log = new MemoryEventLog(SimulatedTraffic.Score);
        await using var cluster = await StartAsync(log);
        await EventLogReplay.DeliverAsync(cluster, log, arrivals);

        await AssertEngineEqualsOracleAsync(cluster, arrivals);
    }

    [Fact]
    public async Task Grains_collected_half_way_reload_their_history_and_still_equal_the_oracle()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        await using var cluster = await StartAsync(log);
        var (first, second) = Halves(traffic.Events);
        await EventLogReplay.DeliverAsync(cluster, log, first);

        var active = await cluster.ActivationCountAsync();
        Assert.True(active > 1_000, $"only {active} activations");

        // Idle collection deactivates the conversations and agents; they reload their histories from the log when needed.
        await cluster.CollectIdleAsync();
        await Eventually.TrueAsync(async () => await cluster.ActivationCountAsync() == 0, "every idle conversation and agent collected");

        await EventLogReplay.DeliverAsync(cluster, log, second);
        await AssertEngineEqualsOracleAsync(cluster, traffic.Events);
    }

    [Fact]
    public async Task Tenant_grains_migrated_to_another_silo_half_way_still_equal_the_oracle()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        var database = new Dictionary<string, string?> { ["Provider"] = "postgres", ["ConnectionString"] = await postgres.CreateSchemaAsync() };
        await using var cluster = await PipelineCluster.StartAsync(log, database, SimulatedTraffic.ZoneIds, silos: 2);
        var (firstHalf, second) = Halves(traffic.Events);
        var (first, afterSnapshot) = Halves(firstHalf);
        await EventLogReplay.DeliverAsync(cluster, log, first);
        await SaveSnapshotsAsync(cluster);
        await EventLogReplay.DeliverAsync(cluster, log, afterSnapshot);

        // Migration hands the next activation the grain's persistent state object, here older than what the grain
        // holds in memory: the new activation starts from that snapshot and its pipeline brings it up to date.
        foreach (var tenantId in SimulatedTraffic.Options.TenantIds)
        {
            await cluster.MigrateAsync(cluster.Grains.GetGrain<ITenantAggregatorGrain>(tenantId));
            await cluster.MigrateAsync(cluster.Grains.GetGrain<ITenantGrain>(tenantId));
        }

        await EventLogReplay.DeliverAsync(cluster, log, second);
        await AssertEngineEqualsOracleAsync(cluster, traffic.Events);
    }

    [Fact]
    public async Task After_a_crash_recovery_from_snapshots_and_the_log_equals_the_oracle_with_nothing_counted_twice()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        var (first, second) = Halves(traffic.Events);
        var crashed = await StartAsync(log);
        await EventLogReplay.DeliverAsync(crashed, log, first);
        await SaveSnapshotsAsync(crashed);

        // Events after the last snapshot are only in the log when the silo dies.
        await EventLogReplay.DeliverAsync(crashed, log, second);
        await crashed.KillAsync();

        await using var restarted = await StartAsync(log);
        await AssertEngineEqualsOracleAsync(restarted, traffic.Events);
        await crashed.DisposeAsync();
    }

    [Fact]
    public async Task Recovery_with_tenant_and_aggregator_snapshots_at_different_positions_counts_nothing_twice()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        var (first, rest) = Halves(traffic.Events);
        var (second, third) = Halves(rest);
        var crashed = await StartAsync(log);
        await EventLogReplay.DeliverAsync(crashed, log, first);
        await SaveSnapshotsAsync(crashed);
        await EventLogReplay.DeliverAsync(crashed, log, second);

        // Only the aggregators store a snapshot here (a tenant grain's write failed, say): on restart each tenant grain
        // includes the log up to the first half and its aggregator a quarter of the traffic more, so the catch-up's
        // batches must be cut where the aggregator's snapshot ends.
        foreach (var tenantId in SimulatedTraffic.Options.TenantIds)
        {
            await crashed.Grains.GetGrain<ITenantAggregatorGrain>(tenantId).SaveSnapshot();
        }

        await EventLogReplay.DeliverAsync(crashed, log, third);
        await crashed.KillAsync();

        await using var restarted = await StartAsync(log);
        await AssertEngineEqualsOracleAsync(restarted, traffic.Events);
        await crashed.DisposeAsync();
    }

    [Fact]
    public async Task History_reads_that_fail_are_retried_and_nothing_is_lost_or_counted_twice()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        var flaky = new FlakyHistory(log, failEvery: 2);
        await using var cluster = await StartAsync(flaky);
        var (first, second) = Halves(traffic.Events);

        // Every second history read fails; the pipeline retries from the log.
        await EventLogReplay.DeliverAsync(cluster, log, first);

        // Collected grains need their histories again.
        await cluster.CollectIdleAsync();
        await Eventually.TrueAsync(async () => await cluster.ActivationCountAsync() == 0, "every idle conversation and agent collected");
        var replay = await EventLogReplay.DeliverAsync(cluster, log, second);
        Assert.True(flaky.Failures >= 5, $"only {flaky.Failures} failed reads");
        Assert.True(replay.FailedCalls > 0, "no batch failed");
        await AssertEngineEqualsOracleAsync(cluster, traffic.Events);
    }

    [Fact]
    public async Task An_event_that_cannot_be_applied_is_set_aside_with_its_reason_and_the_tenant_carries_on_also_after_a_restart()
    {
        // Validation keeps such times out of the log today; a log written before it, or a defect, must still not stop a tenant.
        var tenantId = SimulatedTraffic.Options.TenantIds[2];
        var poison = new TenantEvent(tenantId, new ContactEvent
        {
            Id = "poison-1",
            Type = EventTypes.ConversationStarted,
            Timestamp = DateTimeOffset.MaxValue,
            ConversationId = "poison-conversation",
        });
        var (first, second) = Halves(traffic.Events);
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        var crashed = await StartAsync(log);
        await EventLogReplay.DeliverAsync(crashed, log, [.. first, poison, .. second]);

        var setAside = Assert.Single(await crashed.Pipeline(tenantId).GetSetAside());
        Assert.Equal(("poison-1", EventTypes.ConversationStarted, DateTimeOffset.MaxValue), (setAside.EventId, setAside.Type, setAside.Timestamp));
        Assert.False(string.IsNullOrWhiteSpace(setAside.Reason));
        await AssertEngineEqualsOracleAsync(crashed, traffic.Events);

        await crashed.KillAsync();
        await using var restarted = await StartAsync(log);
        await AssertEngineEqualsOracleAsync(restarted, traffic.Events);
        Assert.Equal(setAside, Assert.Single(await restarted.Pipeline(tenantId).GetSetAside()));
        await crashed.DisposeAsync();
    }

    public void Dispose() => _data.Dispose();

    private Task<PipelineCluster> StartAsync(IEventHistory log) => PipelineCluster.StartAsync(log, _data.Path, SimulatedTraffic.ZoneIds);

    private static async Task SaveSnapshotsAsync(PipelineCluster cluster)
    {
        foreach (var tenantId in SimulatedTraffic.Options.TenantIds)
        {
            await cluster.Grains.GetGrain<ITenantGrain>(tenantId).SaveSnapshot();
            await cluster.Grains.GetGrain<ITenantAggregatorGrain>(tenantId).SaveSnapshot();
        }
    }

    private static (TenantEvent[] First, TenantEvent[] Second) Halves(IReadOnlyList<TenantEvent> events) =>
        ([.. events.Take(events.Count / 2)], [.. events.Skip(events.Count / 2)]);

    /// <summary>Compares every figure; returns how many insight rules fired, so callers can check the rules were exercised.</summary>
    private static async Task<int> AssertEngineEqualsOracleAsync(PipelineCluster cluster, IReadOnlyList<TenantEvent> arrivals)
    {
        var now = SimulatedTraffic.Now;
        var oracle = new GroundTruth(arrivals, SimulatedTraffic.ZoneOf, SimulatedTraffic.Score);
        var differences = new FigureDifferences();
        var insightsFired = 0;
        foreach (var tenantId in SimulatedTraffic.Options.TenantIds)
        {
            foreach (var name in s_periods)
            {
                var period = PeriodResolver.Resolve(name, now, SimulatedTraffic.ZoneOf(tenantId));
                var engine = await ServedFigures.QueryAsync(cluster.Grains, tenantId, period, now);
                differences.Compare($"{tenantId} {name}", oracle, tenantId, period, now, engine);
                var secondWave = await SecondWaveFigures.QueryAsync(cluster.Grains, tenantId, period, now, AnalyticsSettings.Default);
                differences.CompareSecondWave($"{tenantId} {name}", oracle, tenantId, period, now, AnalyticsSettings.Default, secondWave);
                insightsFired += engine.Positive.Count + engine.Attention.Count;
            }

            Assert.True(oracle.Kpis(tenantId, PeriodResolver.Resolve(PeriodResolver.NinetyDays, now, SimulatedTraffic.ZoneOf(tenantId)), now).TotalConversations > 1_000);
            Assert.NotEmpty(oracle.Agents(tenantId).Agents);
        }

        Assert.True(
            differences.All.Count == 0,
            $"{differences.All.Count} of {differences.Compared} figures differ:{Environment.NewLine}{string.Join(Environment.NewLine, differences.All.Take(40))}");
        return insightsFired;
    }

    private static TenantEvent[] Shuffled(IReadOnlyList<TenantEvent> events, int seed)
    {
        var shuffled = events.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }
}
