using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;

namespace ContactOS.Analytics.Tests.Aggregation;

/// <summary>
/// The day rollup must change how fast a period is summed, never what the sum is: for any range on the hour grid, in
/// zones with daylight saving and half-hour offsets, the sum with the rollup equals the plain sum of hours.
/// </summary>
public sealed class TenantAggregateTests
{
    private static readonly DateTimeOffset s_origin = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Madrid")]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/New_York")]
    public void Sums_with_the_day_rollup_equal_sums_of_hours(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var changes = RandomChanges(zone, seed: zoneId.Length);
        var hoursOnly = new TenantAggregate();
        hoursOnly.Apply(changes);
        var rolledUp = new TenantAggregate();
        rolledUp.Apply(changes.Take(changes.Count / 2));
        rolledUp.UseTimeZone(zone);
        rolledUp.Apply(changes.Skip(changes.Count / 2));

        var random = new Random(7);
        var now = s_origin.AddDays(60);
        foreach (var name in new[] { PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays })
        {
            for (var i = 0; i < 20; i++)
            {
                var period = PeriodResolver.Resolve(name, now.AddHours(-random.Next(0, 24 * 40)), zone);
                AssertSame(hoursOnly.Sum(period.From, period.To), rolledUp.Sum(period.From, period.To), $"{name} {period.From:O}");
                AssertSame(hoursOnly.Sum(period.PreviousFrom, period.PreviousTo), rolledUp.Sum(period.PreviousFrom, period.PreviousTo), $"previous {name}");
            }
        }

        // Restored from a snapshot, the rollup is rebuilt.
        var restored = new TenantAggregate();
        restored.UseTimeZone(zone);
        restored.Restore(rolledUp.ToState());
        var ninety = PeriodResolver.Resolve(PeriodResolver.NinetyDays, now, zone);
        AssertSame(hoursOnly.Sum(ninety.From, ninety.To), restored.Sum(ninety.From, ninety.To), "restored");
        Assert.True(hoursOnly.Sum(ninety.From, ninety.To).Started > 1_000);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    public void Kept_sums_of_past_days_follow_late_events_to_those_days(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = s_origin.AddDays(60);
        var hoursOnly = new TenantAggregate();
        var kept = new TenantAggregate();
        kept.UseTimeZone(zone);
        var random = new Random(11);
        var metrics = MetricSet.Of(Metric.AgentHandled, Metric.AgentHandleTime);
        var periods = new[] { PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays }
            .Select(name => PeriodResolver.Resolve(name, now, zone))
            .ToList();

        void Apply(int events, int fromDay, int toDay)
        {
            var changes = DetailChanges(random, zone, events, fromDay, toDay);
            hoursOnly.Apply(changes);
            kept.Apply(changes);
        }

        void AssertAllSame(string when)
        {
            foreach (var period in periods)
            {
                // Asked twice: the second answer comes from the kept sum.
                for (var i = 0; i < 2; i++)
                {
                    AssertSameDetails(hoursOnly.SumDetails(period.From, period.To, metrics), kept.SumDetails(period.From, period.To, metrics), $"{when}, {period.Name}");
                }
            }
        }

        Apply(4_000, 0, 61);
        AssertAllSame("loaded");
        Apply(50, 59, 61);
        AssertAllSame("after events of today and yesterday");
        Apply(1, 40, 41);
        AssertAllSame("after one late event 20 days back");
        Apply(1, 2, 3);
        AssertAllSame("after one late event 58 days back");
        Assert.True(hoursOnly.SumDetails(periods[^1].From, periods[^1].To, metrics).Counts(Metric.AgentHandled).Sum(c => c.Count) > 3_000);
    }

    private static List<KeyValuePair<MetricKey, long>> DetailChanges(Random random, TimeZoneInfo zone, int events, int fromDay, int toDay)
    {
        var changes = new List<KeyValuePair<MetricKey, long>>();
        for (var i = 0; i < events; i++)
        {
            var instant = s_origin.AddMinutes(random.Next(fromDay * 60 * 24, toDay * 60 * 24));
            var hour = HourGrid.HourStartTicks(instant, zone);
            var agent = "agent-" + random.Next(5);
            var millis = random.Next(1_000, 3_600_000);
            changes.Add(new(new MetricKey(Metric.AgentHandled, hour, agent), 1));
            changes.Add(new(new MetricKey(Metric.AgentHandleTime, hour, agent, LogHistogram.BinOf(millis)), 1));
            changes.Add(new(new MetricKey(Metric.AgentHandleTime, hour, agent, HistogramKeys.Sum), millis));
        }

        return changes;
    }

    private static void AssertSameDetails(DetailTotals expected, DetailTotals actual, string where)
    {
        Assert.Equal(
            expected.Counts(Metric.AgentHandled).Where(c => c.Count != 0).OrderBy(c => c.Label),
            actual.Counts(Metric.AgentHandled).Where(c => c.Count != 0).OrderBy(c => c.Label));
        foreach (var label in expected.HistogramLabels(Metric.AgentHandleTime))
        {
            var (want, got) = (expected.Histogram(Metric.AgentHandleTime, label), actual.Histogram(Metric.AgentHandleTime, label));
            Assert.True(want.Count == got.Count && want.SumMillis == got.SumMillis && want.Percentile(50) == got.Percentile(50) && want.Percentile(99) == got.Percentile(99),
                $"{where}: {label}'s handle times differ ({want.Count} against {got.Count}).");
        }
    }

    private static List<KeyValuePair<MetricKey, long>> RandomChanges(TimeZoneInfo zone, int seed)
    {
        var random = new Random(seed);
        var changes = new List<KeyValuePair<MetricKey, long>>();
        for (var i = 0; i < 5_000; i++)
        {
            var instant = s_origin.AddMinutes(random.Next(0, 60 * 24 * 62));
            var hour = HourGrid.HourStartTicks(instant, zone);
            changes.Add(new(new MetricKey(Metric.Started, hour), 1));
            changes.Add(new(new MetricKey(random.Next(2) == 0 ? Metric.AiResolved : Metric.HumanResolved, hour), 1));
            changes.Add(new(new MetricKey(Metric.Intent, hour, "intent-" + random.Next(8)), 1));
            changes.Add(new(new MetricKey(Metric.Handoff, hour, EventVocabulary.HandoffReasons[random.Next(5)]), 1));
            changes.Add(new(new MetricKey(Metric.AiSentimentSum, hour), random.Next(1, 6)));
            if (i % 10 == 0)
            {
                // Late corrections take counts away again.
                changes.Add(new(new MetricKey(Metric.Started, hour), -1));
            }
        }

        return changes;
    }

    private static void AssertSame(BucketTotals expected, BucketTotals actual, string where)
    {
        Assert.True(expected.ToState(0).Counters.SequenceEqual(actual.ToState(0).Counters), where);
        Assert.True(expected.Handoffs.SequenceEqual(actual.Handoffs), where);
        Assert.Equal(expected.Intents.OrderBy(i => i.Key), actual.Intents.Where(i => i.Value != 0).OrderBy(i => i.Key));
    }
}
