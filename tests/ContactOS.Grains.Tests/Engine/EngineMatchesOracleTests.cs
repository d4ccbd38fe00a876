using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Ingestion;
using ContactOS.Grains.Tenants;
using ContactOS.Runtime.Persistence;
using ContactOS.Simulation;
using ContactOS.Simulation.Oracle;
using ContactOS.Testing.InMemory;
using ContactOS.Testing.Silos;
using ContactOS.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// The incremental engine, run through the real grain runtime (router, conversation grains, batcher, tenant
/// aggregators), against the simulator's ground truth that recomputes docs/analytics.md from the raw events: every
/// figure of every tenant and period must agree, whatever order the events arrive in.
/// </summary>
public sealed class EngineMatchesOracleTests(SimulatedTraffic traffic) : IClassFixture<SimulatedTraffic>
{
    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    [Fact]
    public async Task Every_figure_of_every_tenant_and_period_equals_the_oracle()
    {
        var replay = await AssertEngineEqualsOracleAsync(traffic.Events);

        // The traffic must hold what the engine is meant to cope with, or the comparison proves less than it claims.
        Assert.InRange(replay.Accepted, 50_000, int.MaxValue);
        Assert.True(replay.Duplicates > 100, $"only {replay.Duplicates} duplicates");
        var startsSeenLate = traffic.Events
            .Where(e => !EventTypes.IsAgentEvent(e.Event.Type))
            .GroupBy(e => (e.TenantId, e.Event.ConversationId))
            .Count(conversation => conversation.First().Event.Type != EventTypes.ConversationStarted);
        Assert.True(startsSeenLate > 50, $"only {startsSeenLate} conversations first seen through another event");
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

        await AssertEngineEqualsOracleAsync(arrivals);
    }

    private static async Task<EventLogReplay.Summary> AssertEngineEqualsOracleAsync(IReadOnlyList<TenantEvent> arrivals)
    {
        var now = SimulatedTraffic.Now;
        await using var silo = await TestSilo.StartAsync(new FakeTimeProvider(now), services =>
        {
            services.AddSingleton<IGrainStateStore>(new InMemoryGrainStateStore());
            services.AddContactOSGrains();
        });

        var router = new EventRouter(silo.Grains, new FuncSentimentScorer(SimulatedTraffic.Score));
        var replay = await EventLogReplay.DeliverAsync(router, arrivals, tenant => SimulatedTraffic.ZoneIds[tenant], CancellationToken.None);
        await silo.Services.GetRequiredService<TenantChangeBatcher>().FlushAsync();

        var oracle = new GroundTruth(arrivals, SimulatedTraffic.ZoneOf, SimulatedTraffic.Score);
        var differences = new FigureDifferences();
        foreach (var tenantId in SimulatedTraffic.Options.TenantIds)
        {
            foreach (var name in s_periods)
            {
                var period = PeriodResolver.Resolve(name, now, SimulatedTraffic.ZoneOf(tenantId));
                var engine = await EngineFigures.QueryAsync(silo.Grains, tenantId, period, now);
                differences.Compare($"{tenantId} {name}", oracle, tenantId, period, now, engine);
            }

            Assert.True(oracle.Kpis(tenantId, PeriodResolver.Resolve(PeriodResolver.NinetyDays, now, SimulatedTraffic.ZoneOf(tenantId)), now).TotalConversations > 1_000);
        }

        Assert.True(
            differences.All.Count == 0,
            $"{differences.All.Count} of {differences.Compared} figures differ:{Environment.NewLine}{string.Join(Environment.NewLine, differences.All.Take(40))}");
        return replay;
    }

    private static TenantEvent[] Shuffled(IReadOnlyList<TenantEvent> events, int seed)
    {
        var shuffled = events.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }
}
