using ContactOS.Analytics.Events;
using ContactOS.Simulation.Traffic;

namespace ContactOS.Simulation.Tests.Traffic;

/// <summary>Each modelled tenant has its own agents, named in its locale, the same in its history and its live stream.</summary>
public sealed class ModelAgentsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, TenantModel> s_models = new(StringComparer.Ordinal)
    {
        ["acme"] = new() { TimeZone = "UTC", ConversationsPerWeekday = 100, Locale = "en" },
        ["iberia"] = new() { TimeZone = "Europe/Madrid", ConversationsPerWeekday = 100, Locale = "es" },
        ["kolkata"] = new() { TimeZone = "Asia/Kolkata", ConversationsPerWeekday = 100, Locale = "en-IN" },
    };

    private static Dictionary<string, HashSet<(string Id, string Name)>> Rosters(IEnumerable<TenantEvent> events) =>
        events.Where(e => e.Event.Type == EventTypes.AgentStatus)
            .GroupBy(e => e.TenantId)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Event.AgentId!, e.Event.DisplayName!)).ToHashSet());

    private static Dictionary<string, HashSet<(string Id, string Name)>> HistoryRosters() =>
        Rosters(TrafficGenerator.Generate(new TrafficOptions
        {
            Seed = 3,
            TenantIds = [.. s_models.Keys],
            Models = s_models,
            AgentsPerTenant = 8,
            Start = s_now.AddDays(-2),
            End = s_now,
        }));

    [Fact]
    public void No_two_tenants_share_an_agent_id_or_name()
    {
        var rosters = HistoryRosters();

        Assert.All(rosters.Values, roster => Assert.Equal(8, roster.Count));
        var all = rosters.Values.SelectMany(r => r).ToList();
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct().Count());
        Assert.Equal(all.Count, all.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Agents_carry_names_of_their_tenants_locale()
    {
        var rosters = HistoryRosters();

        Assert.All(rosters["iberia"], agent => Assert.Contains(agent.Name, AgentNames.Of("es")));
        Assert.All(rosters["kolkata"], agent => Assert.Contains(agent.Name, AgentNames.Of("en-IN")));
        Assert.All(rosters["acme"], agent => Assert.Contains(agent.Name, AgentNames.Of("en")));
    }

    [Fact]
    public void The_live_stream_moves_the_same_agents_as_the_history()
    {
        var live = new LiveTraffic(new LiveTrafficOptions { Seed = 11, TenantIds = [.. s_models.Keys], Models = s_models, AgentsPerTenant = 8 }, s_now);

        var liveRosters = Rosters(live.Tick(s_now.AddSeconds(1)));

        var history = HistoryRosters();
        Assert.All(s_models.Keys, tenant => Assert.Equal(history[tenant], liveRosters[tenant]));
    }
}
