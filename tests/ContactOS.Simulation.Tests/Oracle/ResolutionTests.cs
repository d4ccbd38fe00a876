using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class ResolutionTests
{
    private const string Now = "2026-01-15T10:37:00Z";

    [Fact]
    public void Resolved_by_ai_without_any_handoff_counts_for_ai()
    {
        var truth = new Scenario().Conversation("c1", "2026-01-15T09:00:00Z", resolvedBy: "ai").Truth();

        var split = truth.ResolutionSplit(Tenant, Period("today", Now));

        Assert.Equal(new(1, 0, 1.0, 0.0), split);
        Assert.Equal(1.0, truth.Kpis(Tenant, Period("today", Now), At(Now)).AiResolutionRate);
    }

    [Fact]
    public void A_handoff_after_an_ai_resolution_still_makes_it_a_human_resolution()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Resolved("c1", "2026-01-15T09:05:00Z", "ai")
            .Handoff("c1", "2026-01-15T09:30:00Z", "complaint")
            .Truth();

        var split = truth.ResolutionSplit(Tenant, Period("today", Now));

        Assert.Equal((0, 1), (split.Ai, split.Human));
    }

    [Fact]
    public void Resolved_by_ai_after_a_handoff_counts_as_human()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Handoff("c1", "2026-01-15T09:01:00Z", "complex_request")
            .Assigned("c1", "2026-01-15T09:02:00Z")
            .Resolved("c1", "2026-01-15T09:10:00Z", "ai")
            .Truth();

        var today = Period("today", Now);

        Assert.Equal((0, 1), (truth.ResolutionSplit(Tenant, today).Ai, truth.ResolutionSplit(Tenant, today).Human));
        Assert.Equal(0.0, truth.Kpis(Tenant, today, At(Now)).AiResolutionRate);
    }

    [Fact]
    public void The_latest_resolution_in_event_time_wins_whatever_the_arrival_order()
    {
        var truth = new Scenario()
            .Started("human-then-ai", "2026-01-15T09:00:00Z")
            .Resolved("human-then-ai", "2026-01-15T09:20:00Z", "ai")
            .Resolved("human-then-ai", "2026-01-15T09:10:00Z", "human")
            .Started("ai-then-human", "2026-01-15T09:00:00Z")
            .Resolved("ai-then-human", "2026-01-15T09:20:00Z", "human")
            .Resolved("ai-then-human", "2026-01-15T09:10:00Z", "ai")
            .Truth();

        var split = truth.ResolutionSplit(Tenant, Period("today", Now));

        Assert.Equal((1, 1), (split.Ai, split.Human));
    }

    [Fact]
    public void Equal_timestamps_are_ordered_by_arrival()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Resolved("c1", "2026-01-15T09:10:00Z", "human")
            .Resolved("c1", "2026-01-15T09:10:00Z", "ai")
            .Truth();

        Assert.Equal(1, truth.ResolutionSplit(Tenant, Period("today", Now)).Ai);
    }

    [Fact]
    public void A_conversation_resolved_several_times_counts_once()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Resolved("c1", "2026-01-15T09:10:00Z", "human")
            .Resolved("c1", "2026-01-15T09:20:00Z", "human")
            .Started("c2", "2026-01-15T09:30:00Z")
            .Truth();

        var today = Period("today", Now);

        Assert.Equal(new(0, 1, 0.0, 1.0), truth.ResolutionSplit(Tenant, today));
        Assert.Equal(2, truth.Kpis(Tenant, today, At(Now)).TotalConversations);
    }

    [Fact]
    public void Shares_are_of_resolved_conversations_and_zero_when_none()
    {
        var truth = new Scenario()
            .Conversation("a", "2026-01-15T08:00:00Z", resolvedBy: "ai")
            .Conversation("b", "2026-01-15T08:00:00Z", resolvedBy: "ai")
            .Conversation("c", "2026-01-15T08:00:00Z", resolvedBy: "ai")
            .Conversation("d", "2026-01-15T08:00:00Z", resolvedBy: "human")
            .Conversation("e", "2026-01-15T08:00:00Z")
            .Truth();

        Assert.Equal(new(3, 1, 0.75, 0.25), truth.ResolutionSplit(Tenant, Period("today", Now)));
        Assert.Equal(0.6, truth.Kpis(Tenant, Period("today", Now), At(Now)).AiResolutionRate, precision: 12);
        Assert.Equal(new(0, 0, 0, 0), truth.ResolutionSplit(Tenant, Period("today", "2026-02-15T10:00:00Z")));
        Assert.Equal(0, truth.Kpis(Tenant, Period("today", "2026-02-15T10:00:00Z"), At(Now)).AiResolutionRate);
    }
}
