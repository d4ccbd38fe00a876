using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;

namespace ContactOS.Analytics.Tests.Agents;

/// <summary>
/// An agent's status time through contribution differences into a tenant aggregate, as the agent grain sends it: closed
/// intervals split by the clock across local hours, late events landing in place, and days when the clocks change.
/// </summary>
public sealed class AgentContributionTests
{
    private static readonly TimeZoneInfo s_madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly DateTimeOffset s_t0 = new(2026, 3, 2, 9, 40, 0, TimeSpan.Zero);
    private readonly TenantAggregate _aggregate = new();
    private readonly AgentTimeline _timeline = new();
    private Contribution _last = Contribution.Empty;
    private long _arrival;

    private void Receive(DateTimeOffset at, string status, TimeZoneInfo? zone = null)
    {
        _timeline.Add(new AgentStatusEntry(at, ++_arrival, status, "Ana"));
        var next = new Dictionary<MetricKey, long>();
        _timeline.Contribute("a1", zone ?? TimeZoneInfo.Utc, next);
        var contribution = new Contribution(next);
        _aggregate.Apply(contribution.Minus(_last));
        _last = contribution;
    }

    private TimeSpan Time(DateTimeOffset from, DateTimeOffset to, long code) => TimeSpan.FromTicks(
        _aggregate.SumDetails(from, to, MetricSet.Of(Metric.AgentStatusTicks)).Counts(Metric.AgentStatusTicks)
            .Where(c => c.Label == "a1" && c.Value == code).Sum(c => c.Count));

    private long Events(DateTimeOffset from, DateTimeOffset to) =>
        _aggregate.SumDetails(from, to, MetricSet.Of(Metric.AgentStatusEvents)).Counts(Metric.AgentStatusEvents).Sum(c => c.Count);

    [Fact]
    public void A_closed_interval_is_split_across_the_hours_it_spans_and_the_open_one_counts_nothing_yet()
    {
        Receive(s_t0, AgentStatuses.Online);
        Receive(s_t0.AddMinutes(100), AgentStatuses.Busy);

        var hour9 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMinutes(20), Time(hour9, hour9.AddHours(1), AgentStatuses.OnlineCode));
        Assert.Equal(TimeSpan.FromMinutes(60), Time(hour9.AddHours(1), hour9.AddHours(2), AgentStatuses.OnlineCode));
        Assert.Equal(TimeSpan.FromMinutes(20), Time(hour9.AddHours(2), hour9.AddHours(3), AgentStatuses.OnlineCode));
        Assert.Equal(TimeSpan.Zero, Time(hour9, hour9.AddDays(1), AgentStatuses.BusyCode));
        Assert.Equal(2, Events(hour9, hour9.AddDays(1)));
    }

    [Fact]
    public void A_late_status_event_lands_in_place_and_shortens_the_interval_before_it()
    {
        Receive(s_t0, AgentStatuses.Online);
        Receive(s_t0.AddHours(3), AgentStatuses.Offline);
        var day = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromHours(3), Time(day, day.AddDays(1), AgentStatuses.OnlineCode));

        // Busy from 10:40 to 11:10 arrives after the offline.
        Receive(s_t0.AddMinutes(90), AgentStatuses.Online);
        Receive(s_t0.AddMinutes(60), AgentStatuses.Busy);

        Assert.Equal(TimeSpan.FromMinutes(150), Time(day, day.AddDays(1), AgentStatuses.OnlineCode));
        Assert.Equal(TimeSpan.FromMinutes(30), Time(day, day.AddDays(1), AgentStatuses.BusyCode));
        var hour10 = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMinutes(20), Time(hour10, hour10.AddHours(1), AgentStatuses.BusyCode));
        Assert.Equal(TimeSpan.FromMinutes(10), Time(hour10.AddHours(1), hour10.AddHours(2), AgentStatuses.BusyCode));
        Assert.Equal(4, Events(day, day.AddDays(1)));
    }

    [Fact]
    public void The_same_events_in_any_order_give_the_same_counters()
    {
        DateTimeOffset[] times = [s_t0, s_t0.AddMinutes(13), s_t0.AddMinutes(77), s_t0.AddHours(5), s_t0.AddHours(5)];
        string[] statuses = [AgentStatuses.Online, AgentStatuses.Busy, AgentStatuses.Online, AgentStatuses.Busy, AgentStatuses.Offline];
        var inOrder = new AgentTimeline();
        for (var i = 0; i < times.Length; i++)
        {
            inOrder.Add(new AgentStatusEntry(times[i], i + 1, statuses[i], null));
        }

        foreach (var i in new[] { 4, 2, 0, 3, 1 })
        {
            _timeline.Add(new AgentStatusEntry(times[i], i + 1, statuses[i], null));
            var next = new Dictionary<MetricKey, long>();
            _timeline.Contribute("a1", s_madrid, next);
            var contribution = new Contribution(next);
            _aggregate.Apply(contribution.Minus(_last));
            _last = contribution;
        }

        var expected = new Dictionary<MetricKey, long>();
        inOrder.Contribute("a1", s_madrid, expected);
        Assert.Equal(expected.OrderBy(c => c.Key.ToString()), _last.Counts.OrderBy(c => c.Key.ToString()));
    }

    [Fact]
    public void On_the_day_clocks_go_forward_a_night_online_fills_23_local_hours_of_exact_time()
    {
        // Madrid, 29 March 2026: 02:00 local becomes 03:00; the local day lasts 23 hours.
        var midnight = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));
        var nextMidnight = new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2));
        _aggregate.UseTimeZone(s_madrid);
        Receive(midnight.AddMinutes(-30), AgentStatuses.Online, s_madrid);
        Receive(nextMidnight.AddMinutes(30), AgentStatuses.Offline, s_madrid);

        Assert.Equal(TimeSpan.FromHours(23), Time(midnight, nextMidnight, AgentStatuses.OnlineCode));
        var buckets = _aggregate.DetailsToState().Count(s => s.Counts.Any(c => c.Metric == Metric.AgentStatusTicks));
        Assert.Equal(1 + 23 + 1, buckets);

        // 01:00-02:00 local is followed directly by 03:00 local, one hour later.
        var one = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(1), Time(one, one.AddHours(1), AgentStatuses.OnlineCode));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), one.AddHours(1));
    }

    [Fact]
    public void On_the_day_clocks_go_back_both_one_oclock_hours_have_their_own_bucket()
    {
        // Madrid, 25 October 2026: 03:00 local becomes 02:00 again; the local day lasts 25 hours.
        var midnight = new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2));
        _aggregate.UseTimeZone(s_madrid);
        Receive(midnight.AddMinutes(150), AgentStatuses.Busy, s_madrid);
        Receive(midnight.AddMinutes(150 + 90), AgentStatuses.Online, s_madrid);

        var firstTwo = new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.FromHours(2));
        var secondTwo = new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromMinutes(30), Time(firstTwo, firstTwo.AddHours(1), AgentStatuses.BusyCode));
        Assert.Equal(TimeSpan.FromMinutes(60), Time(secondTwo, secondTwo.AddHours(1), AgentStatuses.BusyCode));
        Assert.Equal(TimeSpan.FromMinutes(90), Time(midnight, midnight.AddHours(25), AgentStatuses.BusyCode));
    }

    [Fact]
    public void Intervals_are_clipped_to_the_window_and_the_latest_lasts_until_its_end()
    {
        Receive(s_t0, AgentStatuses.Online);
        Receive(s_t0.AddHours(2), AgentStatuses.Busy);
        Receive(s_t0.AddHours(3), AgentStatuses.Offline);

        var intervals = _timeline.Intervals(s_t0.AddHours(1), s_t0.AddHours(5));

        Assert.Equal(
            [
                new StatusInterval(AgentStatuses.Online, s_t0.AddHours(1), s_t0.AddHours(2)),
                new StatusInterval(AgentStatuses.Busy, s_t0.AddHours(2), s_t0.AddHours(3)),
                new StatusInterval(AgentStatuses.Offline, s_t0.AddHours(3), s_t0.AddHours(5)),
            ],
            intervals);
        Assert.Empty(_timeline.Intervals(s_t0.AddHours(-5), s_t0));
    }

    [Fact]
    public void Removing_the_events_of_an_unanswered_attempt_gives_back_the_counters_before_it()
    {
        Receive(s_t0, AgentStatuses.Online);
        var before = new Dictionary<MetricKey, long>();
        _timeline.Contribute("a1", TimeZoneInfo.Utc, before);
        Receive(s_t0.AddHours(1), AgentStatuses.Busy);
        Receive(s_t0.AddHours(2), AgentStatuses.Online);

        Assert.True(_timeline.RemoveArrivedFrom(2));
        var after = new Dictionary<MetricKey, long>();
        _timeline.Contribute("a1", TimeZoneInfo.Utc, after);
        Assert.Equal(before, after);
    }
}
