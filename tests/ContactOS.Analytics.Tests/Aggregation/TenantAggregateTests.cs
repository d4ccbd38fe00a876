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
