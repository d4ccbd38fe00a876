using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class CohortRuleTests
{
    private const string Now = "2026-01-15T10:37:00Z";

    [Fact]
    public void A_conversation_counts_in_the_period_it_started_in_not_the_one_it_was_resolved_in()
    {
        var truth = new Scenario()
            .Started("old", "2026-01-14T22:00:00Z")
            .Resolved("old", "2026-01-15T08:00:00Z", "ai")
            .Started("new", "2026-01-15T09:00:00Z")
            .Truth();

        var kpis = truth.Kpis(Tenant, Period("today", Now), At(Now));

        Assert.Equal(1, kpis.TotalConversations);
        Assert.Equal(0, kpis.AiResolutionRate);
        Assert.Equal(1, kpis.PreviousTotalConversations);
        Assert.Equal(1, kpis.PreviousAiResolutionRate);
    }

    [Fact]
    public void A_late_resolution_updates_the_bucket_where_the_conversation_began()
    {
        var scenario = new Scenario()
            .Started("c1", "2026-01-10T09:15:00Z")
            .Message("c1", "2026-01-10T09:16:00Z", sentiment: 3);
        var period = Period("7d", Now);
        var before = scenario.Truth().Volume(Tenant, period);

        // The resolution happened days later and reached the system last.
        var after = scenario.Resolved("c1", "2026-01-14T17:00:00Z", "human").Truth().Volume(Tenant, period);

        Assert.All(before.Buckets, b => Assert.Equal(0, b.HumanResolved));
        var bucket = Assert.Single(after.Buckets, b => b.HumanResolved > 0);
        Assert.Equal(At("2026-01-10T09:00:00Z"), bucket.Start);
        Assert.Equal(1, bucket.HumanResolved);
    }

    [Fact]
    public void Handoff_reasons_and_intents_count_where_the_conversation_started()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-14T23:50:00Z")
            .Intent("c1", "2026-01-15T00:05:00Z", "cancel")
            .Handoff("c1", "2026-01-15T00:10:00Z", "billing")
            .Truth();

        var today = Period("today", Now);

        Assert.Equal(0, truth.HandoffReasons(Tenant, today)["billing"]);
        Assert.Empty(truth.TopIntents(Tenant, today).Intents);
        Assert.Equal(1, truth.HandoffReasons(Tenant, Period("7d", Now))["billing"]);
    }

    [Fact]
    public void Volume_lists_every_bucket_with_ai_and_human_resolutions_by_start_hour()
    {
        var truth = new Scenario()
            .Conversation("a", "2026-01-15T08:05:00Z", resolvedBy: "ai")
            .Conversation("b", "2026-01-15T08:55:00Z", resolvedBy: "ai")
            .Conversation("c", "2026-01-15T08:30:00Z", resolvedBy: "human")
            .Conversation("d", "2026-01-15T10:10:00Z", resolvedBy: "ai", handoffReason: "complaint")
            .Conversation("e", "2026-01-15T10:20:00Z")
            .Truth();

        var volume = truth.Volume(Tenant, Period("today", Now));

        Assert.Equal(24, volume.Buckets.Count);
        Assert.Equal((2, 1), (volume.Buckets[8].AiResolved, volume.Buckets[8].HumanResolved));
        Assert.Equal((0, 1), (volume.Buckets[10].AiResolved, volume.Buckets[10].HumanResolved));
        Assert.Equal(4, volume.Buckets.Sum(b => b.AiResolved + b.HumanResolved));
        Assert.All(volume.Buckets.Where((_, i) => i is not 8 and not 10), b => Assert.Equal((0, 0), (b.AiResolved, b.HumanResolved)));
    }

    [Fact]
    public void Day_buckets_follow_the_tenant_zone()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        // 19:00 UTC on the 13th is already the 14th in Kolkata (+05:30).
        var truth = new Scenario().Conversation("c1", "2026-01-13T19:00:00Z", resolvedBy: "ai").Truth(kolkata);
        var volume = truth.Volume(Tenant, Period("30d", Now, kolkata));

        var bucket = Assert.Single(volume.Buckets, b => b.AiResolved == 1);
        Assert.Equal(At("2026-01-14T00:00:00+05:30"), bucket.Start);
    }
}
