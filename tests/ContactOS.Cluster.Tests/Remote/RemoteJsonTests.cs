using System.Text.Json;
using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Agents;
using ContactOS.Grains.Tenants;
using ContactOS.Runtime.Remote;

namespace ContactOS.Cluster.Tests.Remote;

/// <summary>
/// What a front silo receives from a worker must be what the worker computed: each answer the API reads from another
/// silo survives the trip between silos with every figure intact.
/// </summary>
public sealed class RemoteJsonTests
{
    [Fact]
    public void Bucket_totals_keep_every_counter_handoff_and_intent()
    {
        var totals = new BucketTotals();
        totals.Apply(Metric.Started, null, 7);
        totals.Apply(Metric.AiResolved, null, 4);
        totals.Apply(Metric.HumanResolved, null, 2);
        totals.Apply(Metric.Closed, null, 5);
        totals.Apply(Metric.AiSentimentSum, null, 17);
        totals.Apply(Metric.AiSentimentCount, null, 4);
        totals.Apply(Metric.HumanSentimentSum, null, 6);
        totals.Apply(Metric.HumanSentimentCount, null, 2);
        totals.Apply(Metric.Handoff, "billing", 3);
        totals.Apply(Metric.Intent, "refund", 2);

        var back = RoundTrip<IReadOnlyList<BucketTotals>>([totals, new BucketTotals()]);

        Assert.Equal(2, back.Count);
        Assert.Equivalent(totals.ToState(0), back[0].ToState(0), strict: true);
        Assert.Equivalent(new BucketTotals().ToState(0), back[1].ToState(0), strict: true);
    }

    [Fact]
    public void Live_state_and_agent_details_keep_their_figures()
    {
        var since = new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(1));
        var live = new TenantLive(3, 1, [new AgentState("a-1", "Ana", "busy", since)], new Dictionary<string, long> { ["a-1"] = 2 });
        var details = new AgentDetails(live.Agents[0], new Dictionary<string, TimeSpan> { ["busy"] = TimeSpan.FromMinutes(42) });

        var liveBack = RoundTrip(live);
        var detailsBack = RoundTrip(details);

        Assert.Equal(live.Active, liveBack.Active);
        Assert.Equal(live.Pending, liveBack.Pending);
        Assert.Equal(live.Agents, liveBack.Agents);
        Assert.Equal(live.Assigned, liveBack.Assigned);
        Assert.Equal(details.State, detailsBack.State);
        Assert.Equal(details.TimeInStatus, detailsBack.TimeInStatus);
    }

    [Fact]
    public void Hour_ranges_and_tuples_of_arguments_travel_whole()
    {
        var ranges = new[] { new HourRange(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)) };
        var arguments = (42L, "Europe/Madrid", ranges);

        var back = RoundTrip(arguments);

        Assert.Equal(42L, back.Item1);
        Assert.Equal("Europe/Madrid", back.Item2);
        Assert.Equal(ranges, back.ranges);
    }

    private static T RoundTrip<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, RemoteJson.Options), RemoteJson.Options)!;
}
