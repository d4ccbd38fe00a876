using ContactOS.Analytics.Agents;

namespace ContactOS.Analytics.Tests.Agents;

/// <summary>An agent's roster entry and time per status follow event time, whatever order the events arrive in.</summary>
public sealed class AgentTimelineTests
{
    private static readonly DateTimeOffset s_nine = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Late_events_land_in_place_and_time_in_each_status_runs_to_now()
    {
        var timeline = new AgentTimeline();
        Assert.True(timeline.Add(new AgentStatusEntry(s_nine.AddMinutes(30), 2, "busy", null)));
        Assert.True(timeline.Add(new AgentStatusEntry(s_nine, 3, "online", "Ana")));
        Assert.True(timeline.Add(new AgentStatusEntry(s_nine.AddMinutes(50), 4, "online", null)));
        Assert.False(timeline.Add(new AgentStatusEntry(s_nine.AddMinutes(30), 2, "busy", null)));

        var spent = timeline.TimeInStatus(s_nine.AddMinutes(60));

        Assert.Equal(new AgentState("a1", "Ana", "online", s_nine.AddMinutes(50)), timeline.Current("a1"));
        Assert.Equal(TimeSpan.FromMinutes(40), spent["online"]);
        Assert.Equal(TimeSpan.FromMinutes(20), spent["busy"]);
        Assert.Null(new AgentTimeline().Current("a2"));
    }
}
