using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Agents;
using ContactOS.Grains.Ingestion;
using ContactOS.Grains.Tenants;
using ContactOS.Simulation;
using ContactOS.Simulation.Oracle;
using ContactOS.Testing;
using ContactOS.Testing.Analytics;
using ContactOS.Testing.InMemory;
using ContactOS.Testing.Silos;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// The incremental engine, run through the real grain runtime (pipeline, conversation and agent grains, tenant grains,
/// the query layer the REST API serves), against the simulator's ground truth that recomputes docs/analytics.md from
/// the raw events: every figure of every tenant and period must agree, whatever order the events arrive in, after
/// grains were collected and reloaded, and after a crash and recovery from snapshots plus the log.
/// </summary>
public sealed class EngineMatchesOracleTests(SimulatedTraffic traffic) : IClassFixture<SimulatedTraffic>
{
    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    [Fact]
    public async Task Every_figure_of_every_tenant_and_period_equals_the_oracle()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        await using var silo = await StartAsync(log, new InMemoryGrainStateStore());
        var replay = await EventLogReplay.DeliverAsync(silo.Pipeline(), log, traffic.Events, CancellationToken.None);

        var insightsFired = await AssertEngineEqualsOracleAsync(silo, traffic.Events);

        // The traffic must hold what the engine is meant to cope with, or the comparison proves less than it claims.
        Assert.InRange(replay.Accepted, 50_000, int.MaxValue);
        Assert.True(replay.Duplicates > 100, $"only {replay.Duplicates} duplicates");
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
        await using var silo = await StartAsync(log, new InMemoryGrainStateStore());
        await EventLogReplay.DeliverAsync(silo.Pipeline(), log, arrivals, CancellationToken.None);

        await AssertEngineEqualsOracleAsync(silo, arrivals);
    }

    [Fact]
    public async Task Grains_collected_half_way_reload_their_history_and_still_equal_the_oracle()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        await using var silo = await StartAsync(log, new InMemoryGrainStateStore());
        var (first, second) = Halves(traffic.Events);
        await EventLogReplay.DeliverAsync(silo.Pipeline(), log, first, CancellationToken.None);

        var active = silo.ActivationCount;
        Assert.True(active > 1_000, $"only {active} activations");

        // An hour idle: the collector's timer deactivates every conversation and agent (tenant grains stay a day).
        silo.Time.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => silo.ActivationCount <= 2 * SimulatedTraffic.ZoneIds.Count, "every idle conversation and agent collected");

        await EventLogReplay.DeliverAsync(silo.Pipeline(), log, second, CancellationToken.None);
        await AssertEngineEqualsOracleAsync(silo, traffic.Events);

        // Agents collected and not touched since reload their history when asked for details.
        silo.Time.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => silo.ActivationCount <= 2 * SimulatedTraffic.ZoneIds.Count, "collected again");
        var oracle = new GroundTruth(traffic.Events, SimulatedTraffic.ZoneOf, SimulatedTraffic.Score);
        var tenantId = SimulatedTraffic.Options.TenantIds[0];
        foreach (var agent in oracle.Agents(tenantId).Agents)
        {
            var details = await silo.Grains.GetGrain<IAgentGrain>(GrainKeys.ForTenant(tenantId, agent.AgentId)).GetDetails(SimulatedTraffic.Now);
            Assert.Equal((agent.DisplayName, agent.Status, agent.Since), (details.State!.DisplayName, details.State.Status, details.State.Since));
            Assert.True(details.TimeInStatus.Values.Sum(t => t.Ticks) > 0, agent.AgentId);
        }
    }

    [Fact]
    public async Task After_a_crash_recovery_from_snapshots_and_the_log_equals_the_oracle_with_nothing_counted_twice()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        var store = new InMemoryGrainStateStore();
        var (first, second) = Halves(traffic.Events);
        var crashed = await StartAsync(log, store);
        await EventLogReplay.DeliverAsync(crashed.Pipeline(), log, first, CancellationToken.None);
        await crashed.CheckpointAsync();
        var checkpoint = crashed.Pipeline().ComputeCheckpoint();

        // Events after the last snapshot are only in the log when the silo dies.
        await EventLogReplay.DeliverAsync(crashed.Pipeline(), log, second, CancellationToken.None);

        // The crashed silo is abandoned, not stopped: it writes nothing more.
        await using var restarted = await StartAsync(log, store);
        await AssertEngineEqualsOracleAsync(restarted, traffic.Events);
        Assert.InRange(checkpoint!.Value, 20_000, log.Count - 20_000);
        GC.KeepAlive(crashed);
    }

    [Fact]
    public async Task Recovery_with_tenant_and_aggregator_snapshots_at_different_positions_counts_nothing_twice()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        var store = new InMemoryGrainStateStore();
        var (first, rest) = Halves(traffic.Events);
        var (second, third) = Halves(rest);
        var crashed = await StartAsync(log, store);
        await EventLogReplay.DeliverAsync(crashed.Pipeline(), log, first, CancellationToken.None);
        await crashed.CheckpointAsync();
        await EventLogReplay.DeliverAsync(crashed.Pipeline(), log, second, CancellationToken.None);

        // Only the aggregators store a snapshot here (a tenant grain's write failed, say): on restart each tenant grain
        // includes the log up to the checkpoint and its aggregator a quarter of the traffic more, so the replay's
        // batches must be cut where the aggregator's snapshot ends.
        await crashed.Pipeline().WhenIdleAsync(CancellationToken.None);
        foreach (var tenantId in SimulatedTraffic.Options.TenantIds)
        {
            await crashed.Grains.GetGrain<ITenantAggregatorGrain>(tenantId).SaveSnapshot();
        }

        await EventLogReplay.DeliverAsync(crashed.Pipeline(), log, third, CancellationToken.None);

        // A batch not cut there is refused by the aggregator (it straddles its snapshot) and retried for ever, since
        // the test clock stands still: fail instead of waiting.
        await RestartAndCompareAsync().WaitAsync(TimeSpan.FromMinutes(2));
        GC.KeepAlive(crashed);

        async Task RestartAndCompareAsync()
        {
            await using var restarted = await StartAsync(log, store);
            await AssertEngineEqualsOracleAsync(restarted, traffic.Events);
        }
    }

    [Fact]
    public async Task History_reads_that_fail_are_retried_and_nothing_is_lost_or_counted_twice()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        var flaky = new FlakyHistory(log, failEvery: 2);
        await using var silo = await StartAsync(flaky, new InMemoryGrainStateStore());
        var (first, second) = Halves(traffic.Events);

        // Every second history read fails; the route retries after a pause, which the fake clock has to let pass.
        async Task DeliverAsync(TenantEvent[] arrivals)
        {
            var delivering = EventLogReplay.DeliverAsync(silo.Pipeline(), log, arrivals, CancellationToken.None);
            while (!delivering.IsCompleted)
            {
                silo.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(delivering, Task.Delay(10));
            }

            await delivering;
        }

        await DeliverAsync(first);

        // Collected grains need their histories again.
        silo.Time.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => silo.ActivationCount <= 2 * SimulatedTraffic.ZoneIds.Count, "every idle conversation and agent collected");
        await DeliverAsync(second);
        Assert.True(flaky.Failures >= 5, $"only {flaky.Failures} failed reads");
        await AssertEngineEqualsOracleAsync(silo, traffic.Events);
    }

    private static Task<TestSilo> StartAsync(IEventHistory log, InMemoryGrainStateStore store) =>
        PipelineSilo.StartAsync(log, store, SimulatedTraffic.ZoneIds, SimulatedTraffic.Now);

    private static (TenantEvent[] First, TenantEvent[] Second) Halves(IReadOnlyList<TenantEvent> events) =>
        ([.. events.Take(events.Count / 2)], [.. events.Skip(events.Count / 2)]);

    /// <summary>Compares every figure; returns how many insight rules fired, so callers can check the rules were exercised.</summary>
    private static async Task<int> AssertEngineEqualsOracleAsync(TestSilo silo, IReadOnlyList<TenantEvent> arrivals)
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
                var engine = await ServedFigures.QueryAsync(silo.Grains, tenantId, period, now);
                differences.Compare($"{tenantId} {name}", oracle, tenantId, period, now, engine);
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
