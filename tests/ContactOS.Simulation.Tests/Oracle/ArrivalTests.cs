using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class ArrivalTests
{
    private const string Now = "2026-01-15T10:37:00Z";

    [Fact]
    public void A_resent_event_counts_once()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Message("c1", "2026-01-15T09:01:00Z", sentiment: 1)
            .Message("c1", "2026-01-15T09:02:00Z", sentiment: 5)
            .Resend(0)
            .Resend(1)
            .Resend(1)
            .Truth();

        var kpis = truth.Kpis(Tenant, Period("today", Now), At(Now));

        Assert.Equal(1, kpis.TotalConversations);
        Assert.Equal(3, kpis.Satisfaction);
    }

    [Fact]
    public void A_reused_id_keeps_the_first_arrival()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Resolved("c1", "2026-01-15T09:10:00Z", "ai")
            .ReuseIdOf(1, e => e with { By = "human", Timestamp = At("2026-01-15T09:20:00Z") })
            .Truth();

        Assert.Equal(1, truth.ResolutionSplit(Tenant, Period("today", Now)).Ai);
    }

    [Fact]
    public void The_same_event_id_in_two_tenants_is_two_events()
    {
        var scenario = new Scenario().Started("c1", "2026-01-15T09:00:00Z");
        var arrivals = scenario.Arrivals.Append(new TenantEvent("globex", scenario.Arrivals[0].Event)).ToList();
        var truth = new Simulation.Oracle.GroundTruth(arrivals, _ => TimeZoneInfo.Utc, _ => 3);

        Assert.Equal(1, truth.ConversationCount(Tenant));
        Assert.Equal(1, truth.ConversationCount("globex"));
    }

    [Fact]
    public void A_conversation_first_seen_through_a_message_starts_at_its_start_event_once_that_arrives()
    {
        var truth = new Scenario()
            .Message("c1", "2026-01-15T00:10:00Z", sentiment: 3)
            .Intent("c1", "2026-01-15T00:11:00Z", "cancel")
            .Started("c1", "2026-01-14T23:55:00Z")
            .Truth();

        var today = Period("today", Now);

        Assert.Equal(0, truth.Kpis(Tenant, today, At(Now)).TotalConversations);
        Assert.Equal(1, truth.Kpis(Tenant, today, At(Now)).PreviousTotalConversations);
        Assert.Equal(1, truth.ConversationCount(Tenant));
    }

    [Fact]
    public void Without_a_start_event_a_conversation_starts_at_its_earliest_event()
    {
        var truth = new Scenario()
            .Resolved("c1", "2026-01-15T00:20:00Z", "ai")
            .Message("c1", "2026-01-15T00:10:00Z", sentiment: 3)
            .Truth();

        var volume = truth.Volume(Tenant, Period("today", Now));

        Assert.Equal(1, volume.Buckets[0].AiResolved);
        Assert.Equal(1, truth.Kpis(Tenant, Period("today", Now), At(Now)).TotalConversations);
    }

    [Fact]
    public void Timestamps_with_different_offsets_for_the_same_instant_are_the_same_time()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T10:00:00+01:00")
            .Resolved("c1", "2026-01-15T09:00:00+00:00", "human")
            .Resolved("c1", "2026-01-15T14:30:00+05:30", "ai")
            .Truth();

        // Both resolutions are at 09:00 UTC: the later arrival is applied last.
        Assert.Equal(1, truth.ResolutionSplit(Tenant, Period("today", Now)).Ai);
        Assert.Equal(1, truth.Volume(Tenant, Period("today", Now)).Buckets[9].AiResolved);
    }
}
