using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class AgentsTests
{
    [Fact]
    public void The_roster_shows_each_agent_latest_status_in_event_time_and_since_when()
    {
        var truth = new Scenario()
            .AgentStatus("a1", "2026-01-15T08:00:00Z", "online", "María G.")
            .AgentStatus("a1", "2026-01-15T09:00:00Z", "busy", "María G.")
            .AgentStatus("a1", "2026-01-15T08:30:00Z", "offline", "María G.")
            .AgentStatus("a2", "2026-01-15T07:00:00Z", "offline", "Carlos R.")
            .AgentStatus("a2", "2026-01-15T09:30:00Z", "online")
            .AgentStatus("a3", "2026-01-15T09:45:00Z", "online")
            .Truth();

        var agents = truth.Agents(Tenant).Agents;

        Assert.Equal(
            [
                new("a2", "Carlos R.", "online", At("2026-01-15T09:30:00Z")),
                new("a1", "María G.", "busy", At("2026-01-15T09:00:00Z")),
                new("a3", "a3", "online", At("2026-01-15T09:45:00Z")),
            ],
            agents);
    }

    [Fact]
    public void Agents_are_per_tenant()
    {
        Assert.Empty(new Scenario().AgentStatus("a1", "2026-01-15T08:00:00Z", "online", "Ana P.").Truth().Agents("globex").Agents);
    }
}
