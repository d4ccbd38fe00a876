using ContactOS.Analytics.Periods;
using ContactOS.Grains.Ingestion;
using ContactOS.Grains.Queries;
using ContactOS.Simulation;
using ContactOS.Simulation.Oracle;
using ContactOS.Testing;
using ContactOS.Testing.Analytics;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// The agent figures (leaderboard in every order, each agent's days, the heatmap) served through real grains against the
/// oracle's, over the simulated traffic: in arrival order, shuffled, and with the grains collected half way.
/// </summary>
public sealed class AgentFiguresMatchOracleTests(SimulatedTraffic traffic) : IClassFixture<SimulatedTraffic>, IDisposable
{
    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    private readonly SqliteTestDirectory _data = new();

    [Fact]
    public async Task Every_agent_figure_of_every_tenant_and_period_equals_the_oracle()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        await using var cluster = await StartAsync(log);
        await EventLogReplay.DeliverAsync(cluster, log, traffic.Events);

        await AssertEngineEqualsOracleAsync(cluster, traffic.Events);
    }

    [Fact]
    public async Task The_same_traffic_shuffled_still_equals_the_oracle()
    {
        var shuffled = traffic.Events.ToArray();
        new Random(11).Shuffle(shuffled);
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        await using var cluster = await StartAsync(log);
        await EventLogReplay.DeliverAsync(cluster, log, shuffled);

        await AssertEngineEqualsOracleAsync(cluster, shuffled);
    }

    [Fact]
    public async Task Agents_collected_half_way_reload_their_history_and_count_nothing_twice()
    {
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        await using var cluster = await StartAsync(log);
        var half = traffic.Events.Count / 2;
        await EventLogReplay.DeliverAsync(cluster, log, [.. traffic.Events.Take(half)]);

        await cluster.CollectIdleAsync();
        await Eventually.TrueAsync(async () => await cluster.ActivationCountAsync() == 0, "every idle conversation and agent collected");

        // An agent's day is read from the log while the agent is not loaded.
        var tenantId = SimulatedTraffic.Options.TenantIds[0];
        var zone = SimulatedTraffic.ZoneOf(tenantId);
        var oracle = new GroundTruth(traffic.Events.Take(half), SimulatedTraffic.ZoneOf, SimulatedTraffic.Score);
        var differences = new FigureDifferences();
        var yesterday = TenantCalendar.LocalDate(SimulatedTraffic.Now, zone).AddDays(-1);
        foreach (var agent in oracle.Agents(tenantId).Agents)
        {
            differences.Activity($"{tenantId} {agent.AgentId} {yesterday} unloaded", zone,
                oracle.AgentActivity(tenantId, agent.AgentId, yesterday, SimulatedTraffic.Now),
                await TenantAnalytics.AgentActivityAsync(cluster.Grains, tenantId, agent.AgentId, yesterday, zone, SimulatedTraffic.Now));
        }

        Assert.True(differences.All.Count == 0, string.Join(Environment.NewLine, differences.All.Take(40)));

        await EventLogReplay.DeliverAsync(cluster, log, [.. traffic.Events.Skip(half)]);
        await AssertEngineEqualsOracleAsync(cluster, traffic.Events);
    }

    public void Dispose() => _data.Dispose();

    private Task<PipelineCluster> StartAsync(IEventHistory log) => PipelineCluster.StartAsync(log, _data.Path, SimulatedTraffic.ZoneIds);

    private static async Task AssertEngineEqualsOracleAsync(PipelineCluster cluster, IReadOnlyList<TenantEvent> arrivals)
    {
        var now = SimulatedTraffic.Now;
        var oracle = new GroundTruth(arrivals, SimulatedTraffic.ZoneOf, SimulatedTraffic.Score);
        var differences = new FigureDifferences();
        var rows = 0;
        var handled = 0L;
        var withHandleTime = 0;
        foreach (var tenantId in SimulatedTraffic.Options.TenantIds)
        {
            var zone = SimulatedTraffic.ZoneOf(tenantId);
            foreach (var name in s_periods)
            {
                var period = PeriodResolver.Resolve(name, now, zone);
                foreach (var sort in AgentSort.All)
                {
                    var served = await TenantAnalytics.AgentLeaderboardAsync(cluster.Grains, tenantId, period, now, sort);
                    differences.Leaderboard($"{tenantId} {name} sort={sort}", oracle.AgentLeaderboard(tenantId, period, now, sort), served);
                    rows += served.Agents.Count;
                    handled += served.Agents.Sum(a => a.Handled);
                    withHandleTime += served.Agents.Count(a => a.HandleTime.Count > 0);
                }

                differences.Heatmap($"{tenantId} {name} heatmap", oracle.Heatmap(tenantId, period, now),
                    await TenantAnalytics.HeatmapAsync(cluster.Grains, tenantId, period, now));
            }

            // Today, the days before it, and Madrid's 23-hour day (29 March 2026) for every tenant.
            var today = TenantCalendar.LocalDate(now, zone);
            DateOnly[] days = [today, today.AddDays(-1), today.AddDays(-2), new(2026, 3, 29), today.AddDays(1)];
            foreach (var agent in oracle.Agents(tenantId).Agents.Select(a => a.AgentId).Append("nobody"))
            {
                foreach (var day in days)
                {
                    differences.Activity($"{tenantId} {agent} {day}", zone,
                        oracle.AgentActivity(tenantId, agent, day, now),
                        await TenantAnalytics.AgentActivityAsync(cluster.Grains, tenantId, agent, day, zone, now));
                }
            }
        }

        // The traffic must exercise the figures, or the comparison proves less than it claims.
        Assert.True(rows > 100, $"only {rows} leaderboard rows");
        Assert.True(handled > 1_000, $"only {handled} conversations handled");
        Assert.True(withHandleTime > 50, $"only {withHandleTime} rows with a handle time");
        Assert.True(differences.Compared > 5_000, $"only {differences.Compared} figures compared");
        Assert.True(
            differences.All.Count == 0,
            $"{differences.All.Count} of {differences.Compared} figures differ:{Environment.NewLine}{string.Join(Environment.NewLine, differences.All.Take(40))}");
    }
}
