using ContactOS.Analytics.Aggregation;

namespace ContactOS.Analytics.Tests.Aggregation;

/// <summary>The duration histogram behind every percentile: within 1 % of the exact nearest-rank value, whatever the mix of buckets.</summary>
public sealed class LogHistogramTests
{
    [Fact]
    public void Every_percentile_is_within_one_percent_of_the_exact_nearest_rank_value()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 20_000).Select(_ => (long)Math.Exp(random.NextDouble() * 18)).ToList();

        // Spread over 48 "hours" and merged, as a period query does.
        var hours = Enumerable.Range(0, 48).Select(_ => new LogHistogram()).ToArray();
        for (var i = 0; i < values.Count; i++)
        {
            hours[i % hours.Length].AddToBin(LogHistogram.BinOf(values[i]), 1);
            hours[i % hours.Length].AddToSum(values[i]);
        }

        var period = new LogHistogram();
        foreach (var hour in hours)
        {
            period.Add(hour);
        }

        var sorted = values.Order().ToList();
        foreach (var percent in new[] { 1, 10, 50, 90, 95, 99, 100 })
        {
            var exact = sorted[(int)Math.Ceiling(percent * sorted.Count / 100.0) - 1];
            var served = period.Percentile(percent)!.Value;
            Assert.True(
                exact == 0 ? served == 0 : Math.Abs(served - exact) <= (exact * LogHistogram.RelativeAccuracy) + 1e-9,
                $"p{percent}: exact {exact}, served {served}");
        }

        Assert.Equal(values.Count, period.Count);
        Assert.Equal(values.Sum(), period.SumMillis);
        Assert.Equal(values.Average(), period.MeanMillis!.Value, 9);
    }

    [Fact]
    public void Nearest_rank_on_one_to_a_hundred_seconds()
    {
        var histogram = new LogHistogram();
        for (long seconds = 1; seconds <= 100; seconds++)
        {
            histogram.AddToBin(LogHistogram.BinOf(seconds * 1000), 1);
        }

        Assert.Equal(50_000, histogram.Percentile(50)!.Value, 50_000 * 0.01);
        Assert.Equal(99_000, histogram.Percentile(99)!.Value, 99_000 * 0.01);
        Assert.Equal(90_000, histogram.Percentile(90)!.Value, 90_000 * 0.01);
    }

    [Fact]
    public void Durations_under_a_millisecond_read_zero_and_an_empty_histogram_has_no_percentile()
    {
        var histogram = new LogHistogram();
        Assert.Null(histogram.Percentile(50));
        Assert.Null(histogram.MeanMillis);

        histogram.AddToBin(LogHistogram.BinOf(0), 3);
        histogram.AddToBin(LogHistogram.BinOf(5_000), 1);
        Assert.Equal(0, histogram.Percentile(75));
        Assert.Equal(5_000, histogram.Percentile(76)!.Value, 50.0);
    }

    [Fact]
    public void Removing_what_was_added_leaves_an_empty_histogram_that_state_round_trips()
    {
        var histogram = new LogHistogram();
        histogram.AddToBin(LogHistogram.BinOf(1_200), 2);
        histogram.AddToBin(LogHistogram.BinOf(900_000), 1);
        histogram.AddToSum(903_600);
        var copy = LogHistogram.FromState(histogram.ToState(Metric.HandleTime, null));
        Assert.Equal(histogram.Percentile(99), copy.Percentile(99));
        Assert.Equal(3, copy.Count);

        histogram.AddToBin(LogHistogram.BinOf(1_200), -2);
        histogram.AddToBin(LogHistogram.BinOf(900_000), -1);
        histogram.AddToSum(-903_600);
        Assert.True(histogram.IsEmpty);
    }
}
