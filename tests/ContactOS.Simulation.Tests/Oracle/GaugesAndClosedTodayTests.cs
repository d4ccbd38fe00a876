using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class GaugesAndClosedTodayTests
{
    private static readonly TimeZoneInfo s_madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    [Fact]
    public void Live_gauges_count_every_conversation_whenever_it_started()
    {
        const string now = "2026-01-15T10:37:00Z";
        var truth = new Scenario()
            .Started("pending-for-weeks", "2025-11-20T10:00:00Z")
            .Handoff("pending-for-weeks", "2025-11-20T10:05:00Z", "billing")
            .Started("active-with-human", "2025-12-01T10:00:00Z")
            .Handoff("active-with-human", "2025-12-01T10:05:00Z", "billing")
            .Assigned("active-with-human", "2025-12-01T10:06:00Z")
            .Message("seen-only-by-a-message", "2026-01-15T10:00:00Z", sentiment: 3)
            .Conversation("resolved", "2026-01-15T09:00:00Z", resolvedBy: "ai")
            .Started("closed", "2026-01-15T09:00:00Z")
            .Closed("closed", "2026-01-15T09:10:00Z")
            .Truth();

        foreach (var period in new[] { Period("today", now), Period("7d", now), Period("90d", now) })
        {
            var kpis = truth.Kpis(Tenant, period, At(now));
            Assert.Equal(1, kpis.Pending);
            Assert.Equal(2, kpis.Active);
        }
    }

    [Fact]
    public void Status_follows_event_time_not_arrival()
    {
        const string now = "2026-01-15T10:37:00Z";
        var truth = new Scenario()
            .Closed("c1", "2026-01-15T09:30:00Z")
            .Resolved("c1", "2026-01-15T09:20:00Z", "human")
            .Assigned("c1", "2026-01-15T09:10:00Z")
            .Handoff("c1", "2026-01-15T09:05:00Z", "billing")
            .Started("c1", "2026-01-15T09:00:00Z")
            .Started("c2", "2026-01-15T09:00:00Z")
            .Assigned("c2", "2026-01-15T09:10:00Z")
            .Handoff("c2", "2026-01-15T09:05:00Z", "billing")
            .Handoff("c2", "2026-01-15T09:15:00Z", "loop_guard")
            .Truth();

        var kpis = truth.Kpis(Tenant, Period("today", now), At(now));

        Assert.Equal((1, 0, 1), (kpis.Pending, kpis.Active, kpis.ClosedToday));
    }

    [Fact]
    public void Closed_today_uses_the_tenant_local_day_around_midnight()
    {
        // 00:30 in Madrid on the 15th is 23:30 UTC on the 14th.
        const string now = "2026-01-14T23:30:00Z";
        var truth = new Scenario()
            .Started("after-local-midnight", "2026-01-14T20:00:00Z")
            .Closed("after-local-midnight", "2026-01-14T23:15:00Z")
            .Started("before-local-midnight", "2026-01-14T20:00:00Z")
            .Closed("before-local-midnight", "2026-01-14T22:45:00Z")
            .Started("two-days-ago", "2026-01-12T20:00:00Z")
            .Closed("two-days-ago", "2026-01-13T22:45:00Z")
            .Truth(s_madrid);

        var kpis = truth.Kpis(Tenant, Period("today", now, s_madrid), At(now));

        Assert.Equal(1, kpis.ClosedToday);
        Assert.Equal(1, kpis.PreviousClosedToday);
    }

    [Fact]
    public void Closed_today_ignores_the_requested_period_and_goes_by_the_latest_close()
    {
        const string now = "2026-01-15T10:37:00Z";
        var truth = new Scenario()
            .Started("c1", "2026-01-01T09:00:00Z")
            .Closed("c1", "2026-01-14T09:00:00Z")
            .Closed("c1", "2026-01-15T09:00:00Z")
            .Truth();

        var kpis = truth.Kpis(Tenant, Period("90d", now), At(now));

        Assert.Equal((1, 0), (kpis.ClosedToday, kpis.PreviousClosedToday));
    }
}
