using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class PreviousPeriodTests
{
    [Fact]
    public void Previous_values_come_from_the_period_just_before()
    {
        const string now = "2026-01-15T10:37:00Z";
        var truth = new Scenario()
            // 7d is [2026-01-08T11:00, 2026-01-15T11:00); the previous one is [2026-01-01T11:00, 2026-01-08T11:00).
            .Conversation("p1", "2026-01-02T09:00:00Z", resolvedBy: "ai")
            .Conversation("p2", "2026-01-08T10:59:59Z", resolvedBy: "human")
            .Message("p2", "2026-01-08T10:59:59Z", sentiment: 2)
            .Conversation("too-old", "2026-01-01T10:59:59Z", resolvedBy: "ai")
            .Conversation("c1", "2026-01-08T11:00:00Z", resolvedBy: "ai")
            .Conversation("c2", "2026-01-15T10:30:00Z", resolvedBy: "ai")
            .Conversation("c3", "2026-01-15T10:31:00Z")
            .Message("c3", "2026-01-15T10:59:00Z", sentiment: 5)
            .Truth();

        var kpis = truth.Kpis(Tenant, Period("7d", now), At(now));

        Assert.Equal((3, 2), (kpis.TotalConversations, kpis.PreviousTotalConversations));
        Assert.Equal(2.0 / 3, kpis.AiResolutionRate, precision: 12);
        Assert.Equal(0.5, kpis.PreviousAiResolutionRate);
        Assert.Equal((5.0, 2.0), (kpis.Satisfaction, kpis.PreviousSatisfaction));
    }

    [Fact]
    public void The_previous_period_of_a_custom_range_is_as_many_buckets_before()
    {
        var truth = new Scenario()
            .Conversation("before", "2026-01-04T22:00:00Z", resolvedBy: "ai")
            .Conversation("inside", "2026-01-05T02:00:00Z")
            .Truth();

        var kpis = truth.Kpis(Tenant, Range("2026-01-05T00:00:00Z", "2026-01-05T06:00:00Z"), At("2026-01-20T00:00:00Z"));

        Assert.Equal((1, 1), (kpis.TotalConversations, kpis.PreviousTotalConversations));
        Assert.Equal((0.0, 1.0), (kpis.AiResolutionRate, kpis.PreviousAiResolutionRate));
    }
}
