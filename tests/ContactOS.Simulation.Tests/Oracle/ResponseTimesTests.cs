using System.Globalization;
using ContactOS.Simulation.Oracle;
using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class ResponseTimesTests
{
    private const string Now = "2026-01-15T23:00:00Z";

    [Fact]
    public void First_response_runs_from_the_first_customer_message_to_the_first_reply_after_it_in_truncated_milliseconds()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Message("c1", "2026-01-15T09:00:01Z", role: "ai")
            .Message("c1", "2026-01-15T09:00:10Z")
            .Message("c1", "2026-01-15T09:00:11Z")
            .Message("c1", "2026-01-15T09:00:12.3459999Z", role: "ai")
            .Message("c1", "2026-01-15T09:00:20Z", role: "agent")
            .Truth();

        var times = truth.ResponseTimes(Tenant, Period("today", Now));

        Assert.Equal(new ExpectedDuration(1, 2.345, 2.345, 2.345, 2.345, 2.345), times.FirstResponse);
    }

    [Fact]
    public void At_equal_timestamps_arrival_decides_whether_a_reply_comes_after_the_customer()
    {
        var truth = new Scenario()
            .Started("reply-arrived-first", "2026-01-15T09:00:00Z")
            .Message("reply-arrived-first", "2026-01-15T09:00:05Z", role: "ai")
            .Message("reply-arrived-first", "2026-01-15T09:00:05Z")
            .Started("reply-arrived-after", "2026-01-15T09:00:00Z")
            .Message("reply-arrived-after", "2026-01-15T09:00:05Z")
            .Message("reply-arrived-after", "2026-01-15T09:00:05Z", role: "ai")
            .Truth();

        var times = truth.ResponseTimes(Tenant, Period("today", Now));

        Assert.Equal(new ExpectedDuration(1, 0, 0, 0, 0, 0), times.FirstResponse);
    }

    [Fact]
    public void A_reply_that_arrives_before_the_customer_message_it_answers_still_counts_by_its_timestamp()
    {
        var truth = new Scenario()
            .Message("c1", "2026-01-15T09:00:07Z", role: "ai")
            .Message("c1", "2026-01-15T09:00:05Z")
            .Started("c1", "2026-01-15T09:00:00Z")
            .Truth();

        Assert.Equal(2, truth.ResponseTimes(Tenant, Period("today", Now)).FirstResponse.Mean);
    }

    [Fact]
    public void Human_first_response_waits_for_an_agent_message_after_the_first_assignment()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Handoff("c1", "2026-01-15T09:01:00Z", "billing")
            .Message("c1", "2026-01-15T09:01:30Z", role: "agent")
            .Assigned("c1", "2026-01-15T09:02:00Z")
            .Message("c1", "2026-01-15T09:02:10Z", role: "ai")
            .Assigned("c1", "2026-01-15T09:03:00Z", "agent-2")
            .Message("c1", "2026-01-15T09:03:30Z", role: "agent")
            .Started("never-answered", "2026-01-15T09:00:00Z")
            .Assigned("never-answered", "2026-01-15T09:02:00Z")
            .Truth();

        var times = truth.ResponseTimes(Tenant, Period("today", Now));

        Assert.Equal(new ExpectedDuration(1, 90, 90, 90, 90, 90), times.HumanFirstResponse);
    }

    [Fact]
    public void Handle_time_ends_at_the_latest_resolution_after_the_first_assignment_else_at_the_latest_close_after_it()
    {
        var truth = new Scenario()
            .Started("resolved", "2026-01-15T09:00:00Z")
            .Assigned("resolved", "2026-01-15T09:10:00Z")
            .Resolved("resolved", "2026-01-15T09:20:00Z", "human")
            .Resolved("resolved", "2026-01-15T09:30:00Z", "human")
            .Closed("resolved", "2026-01-15T09:50:00Z")
            .Started("resolved-before-assignment", "2026-01-15T09:00:00Z")
            .Resolved("resolved-before-assignment", "2026-01-15T09:05:00Z", "ai")
            .Assigned("resolved-before-assignment", "2026-01-15T09:10:00Z")
            .Closed("resolved-before-assignment", "2026-01-15T09:15:00Z")
            .Closed("resolved-before-assignment", "2026-01-15T09:16:00Z")
            .Started("open", "2026-01-15T09:00:00Z")
            .Assigned("open", "2026-01-15T09:10:00Z")
            .Started("closed-before-assignment", "2026-01-15T09:00:00Z")
            .Closed("closed-before-assignment", "2026-01-15T09:05:00Z")
            .Assigned("closed-before-assignment", "2026-01-15T09:10:00Z")
            .Truth();

        var handle = truth.ResponseTimes(Tenant, Period("today", Now)).HandleTime;

        Assert.Equal(2, handle.Count);
        Assert.Equal((20 * 60 + 6 * 60) / 2.0, handle.Mean);
        Assert.Equal((6 * 60, 20 * 60), (handle.P50, handle.P99));
    }

    [Fact]
    public void Resolution_time_runs_from_the_start_to_the_latest_resolution_and_skips_one_before_the_start()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Resolved("c1", "2026-01-15T09:10:00Z", "ai")
            .Resolved("c1", "2026-01-15T09:40:00Z", "human")
            .Resolved("before-start", "2026-01-15T08:59:00Z", "ai")
            .Started("before-start", "2026-01-15T09:00:00Z")
            .Started("at-start", "2026-01-15T09:00:00Z")
            .Resolved("at-start", "2026-01-15T09:00:00Z", "ai")
            .Started("unresolved", "2026-01-15T09:00:00Z")
            .Truth();

        var resolution = truth.ResponseTimes(Tenant, Period("today", Now)).ResolutionTime;

        Assert.Equal(new ExpectedDuration(2, 20 * 60, 0, 40 * 60, 40 * 60, 40 * 60), resolution);
    }

    [Fact]
    public void Percentiles_are_nearest_rank_over_the_conversations_started_in_the_period()
    {
        var scenario = new Scenario();
        foreach (var seconds in Enumerable.Range(1, 100).Reverse())
        {
            var id = "c" + seconds.ToString(CultureInfo.InvariantCulture);
            scenario.Started(id, "2026-01-15T09:00:00Z").Resolved(id, At("2026-01-15T09:00:00Z").AddSeconds(seconds).ToString("o"), "ai");
        }

        scenario.Started("yesterday", "2026-01-14T09:00:00Z").Resolved("yesterday", "2026-01-14T12:00:00Z", "ai");

        var resolution = scenario.Truth().ResponseTimes(Tenant, Period("today", Now)).ResolutionTime;

        Assert.Equal(new ExpectedDuration(100, 50.5, 50, 90, 95, 99), resolution);
    }

    [Theory]
    [InlineData(new long[] { 7 }, 50, 7)]
    [InlineData(new long[] { 7 }, 99, 7)]
    [InlineData(new long[] { 1, 2, 3 }, 50, 2)]
    [InlineData(new long[] { 1, 2, 3 }, 90, 3)]
    [InlineData(new long[] { 1, 2, 3, 4 }, 50, 2)]
    [InlineData(new long[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 90, 90)]
    [InlineData(new long[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 95, 100)]
    public void Nearest_rank_is_the_value_at_rank_ceiling_of_p_n_over_100(long[] ascending, int p, long expected) =>
        Assert.Equal(expected, NearestRank.Percentile(ascending, p));

    [Fact]
    public void Without_durations_the_mean_and_percentiles_are_null()
    {
        var truth = new Scenario().Started("c1", "2026-01-15T09:00:00Z").Truth();

        Assert.Equal(new ExpectedDuration(0, null, null, null, null, null), truth.ResponseTimes(Tenant, Period("today", Now)).ResolutionTime);
    }
}
