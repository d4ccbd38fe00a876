using ContactOS.Analytics.Periods;
using static ContactOS.Analytics.Tests.Periods.Zones;

namespace ContactOS.Analytics.Tests.Periods;

public sealed class PeriodResolverTests
{
    private static readonly DateTimeOffset s_now = At("2026-01-15T10:37:00Z");

    private static ResolvedPeriod Resolve(string? period, DateTimeOffset now, TimeZoneInfo zone, string? interval = null, string? from = null, string? to = null)
    {
        Assert.True(PeriodResolver.TryResolve(period, from, to, interval, now, zone, out var result, out var error), error?.Message);
        Assert.Null(error);
        return result!;
    }

    private static PeriodError Reject(string? period, string? from, string? to, string? interval)
    {
        Assert.False(PeriodResolver.TryResolve(period, from, to, interval, s_now, Utc, out var result, out var error));
        Assert.Null(result);
        return error!;
    }

    [Fact]
    public void Without_period_or_range_the_period_is_today()
    {
        var period = Resolve(null, s_now, Utc);

        Assert.Equal("today", period.Name);
        Assert.Equal(At("2026-01-15T00:00:00Z"), period.From);
    }

    [Fact]
    public void Today_is_the_whole_local_day_in_hour_buckets_with_yesterday_before_it()
    {
        var period = Resolve("today", At("2026-01-15T10:37:00+01:00"), Madrid);

        Assert.Equal(At("2026-01-15T00:00:00+01:00"), period.From);
        Assert.Equal(At("2026-01-16T00:00:00+01:00"), period.To);
        Assert.Equal(BucketInterval.Hour, period.Interval);
        Assert.Equal(24, period.Buckets.Count);
        Assert.Equal(period.From, period.Buckets[0]);
        Assert.Equal(At("2026-01-14T00:00:00+01:00"), period.PreviousFrom);
        Assert.Equal(period.From, period.PreviousTo);
    }

    [Theory]
    [InlineData("Europe/Madrid", "2026-03-29T12:00:00+02:00", 23)]
    [InlineData("Europe/Madrid", "2026-10-25T12:00:00+01:00", 25)]
    [InlineData("America/New_York", "2026-03-08T12:00:00-04:00", 23)]
    [InlineData("America/New_York", "2026-11-01T12:00:00-05:00", 25)]
    public void Today_on_a_clock_change_has_as_many_hour_buckets_as_the_day_has_hours(string zoneId, string now, int hours)
    {
        var period = Resolve("today", At(now), TimeZoneInfo.FindSystemTimeZoneById(zoneId));

        Assert.Equal(hours, period.Buckets.Count);
        Assert.Equal(TimeSpan.FromHours(hours), period.To - period.From);
    }

    [Fact]
    public void Today_after_a_short_day_compares_with_the_whole_of_yesterday()
    {
        var period = Resolve("today", At("2026-03-30T09:00:00+02:00"), Madrid);

        Assert.Equal(At("2026-03-29T00:00:00+01:00"), period.PreviousFrom);
        Assert.Equal(TimeSpan.FromHours(23), period.PreviousTo - period.PreviousFrom);
        Assert.Equal(24, period.Buckets.Count);
    }

    [Fact]
    public void Today_in_Kolkata_is_aligned_to_half_past_the_utc_hour()
    {
        var period = Resolve("today", At("2026-01-05T10:37:00+05:30"), Kolkata);

        Assert.Equal(At("2026-01-04T18:30:00Z"), period.From);
        Assert.Equal(At("2026-01-05T18:30:00Z"), period.To);
        Assert.All(period.Buckets, b => Assert.Equal(30, b.ToUniversalTime().Minute));
        Assert.All(period.Buckets, b => Assert.Equal(0, b.Minute));
    }

    [Fact]
    public void Seven_days_is_the_168_hours_ending_with_the_current_hour()
    {
        var period = Resolve("7d", s_now, Utc);

        Assert.Equal(At("2026-01-15T11:00:00Z"), period.To);
        Assert.Equal(At("2026-01-08T11:00:00Z"), period.From);
        Assert.Equal(168, period.Buckets.Count);
        Assert.Equal(BucketInterval.Hour, period.Interval);
        Assert.Equal(At("2026-01-01T11:00:00Z"), period.PreviousFrom);
        Assert.Equal(period.From, period.PreviousTo);
    }

    [Fact]
    public void Seven_days_in_Kathmandu_ends_with_the_local_hour_that_contains_now()
    {
        var period = Resolve("7d", At("2026-01-15T10:37:00+05:45"), Kathmandu);

        Assert.Equal(At("2026-01-15T11:00:00+05:45"), period.To);
        Assert.Equal(At("2026-01-08T11:00:00+05:45"), period.From);
    }

    [Fact]
    public void Seven_days_across_a_clock_change_still_has_168_hour_buckets()
    {
        var period = Resolve("7d", At("2026-04-01T10:37:00+02:00"), Madrid);

        Assert.Equal(168, period.Buckets.Count);
        Assert.Equal(At("2026-04-01T11:00:00+02:00"), period.To);
        Assert.Equal(At("2026-03-25T10:00:00+01:00"), period.From);
    }

    [Theory]
    [InlineData("30d", 30)]
    [InlineData("90d", 90)]
    public void Thirty_and_ninety_days_are_local_days_ending_with_today(string name, int days)
    {
        var period = Resolve(name, s_now, Utc);

        Assert.Equal(BucketInterval.Day, period.Interval);
        Assert.Equal(days, period.Buckets.Count);
        Assert.Equal(At("2026-01-16T00:00:00Z"), period.To);
        Assert.Equal(At("2026-01-16T00:00:00Z").AddDays(-days), period.From);
        Assert.Equal(period.From.AddDays(-days), period.PreviousFrom);
    }

    [Fact]
    public void Day_buckets_across_a_clock_change_start_at_each_local_midnight()
    {
        var period = Resolve("30d", At("2026-04-10T12:00:00+02:00"), Madrid);

        Assert.Equal(30, period.Buckets.Count);
        Assert.All(period.Buckets, b => Assert.Equal(TimeSpan.Zero, b.TimeOfDay));
        var changeDay = period.Buckets.Single(b => b.Date == new DateTime(2026, 3, 29));
        Assert.Equal(TimeSpan.FromHours(23), TenantCalendar.NextBucketStart(changeDay, BucketInterval.Day, Madrid) - changeDay);
    }

    [Fact]
    public void An_interval_overrides_the_default_bucket_size()
    {
        var hourly = Resolve("30d", s_now, Utc, interval: "hour");
        var daily = Resolve("today", s_now, Utc, interval: "day");

        Assert.Equal(BucketInterval.Hour, hourly.Interval);
        Assert.Equal(720, hourly.Buckets.Count);
        Assert.Equal(hourly.From.AddDays(-30), hourly.PreviousFrom);
        Assert.Equal([At("2026-01-15T00:00:00Z")], daily.Buckets);
        Assert.Equal(At("2026-01-14T00:00:00Z"), daily.PreviousFrom);
    }

    [Fact]
    public void Seven_days_in_day_buckets_is_rounded_out_to_whole_days()
    {
        var period = Resolve("7d", s_now, Utc, interval: "day");

        Assert.Equal(At("2026-01-08T00:00:00Z"), period.From);
        Assert.Equal(At("2026-01-16T00:00:00Z"), period.To);
        Assert.Equal(8, period.Buckets.Count);
        Assert.Equal(At("2025-12-31T00:00:00Z"), period.PreviousFrom);
    }

    [Fact]
    public void A_custom_range_is_rounded_out_to_the_hour_grid_and_compared_with_as_many_hours_before()
    {
        var period = Resolve(null, s_now, Madrid, from: "2026-01-05T10:30:00+01:00", to: "2026-01-06T08:15:00+01:00");

        Assert.Equal("custom", period.Name);
        Assert.Equal(BucketInterval.Hour, period.Interval);
        Assert.Equal(At("2026-01-05T10:00:00+01:00"), period.From);
        Assert.Equal(At("2026-01-06T09:00:00+01:00"), period.To);
        Assert.Equal(23, period.Buckets.Count);
        Assert.Equal(At("2026-01-04T11:00:00+01:00"), period.PreviousFrom);
    }

    [Fact]
    public void A_custom_range_over_seven_days_uses_local_day_buckets()
    {
        var period = Resolve(null, s_now, Kolkata, from: "2026-01-01T12:00:00Z", to: "2026-01-10T12:00:00Z");

        Assert.Equal(BucketInterval.Day, period.Interval);
        Assert.Equal(At("2026-01-01T00:00:00+05:30"), period.From);
        Assert.Equal(At("2026-01-11T00:00:00+05:30"), period.To);
        Assert.Equal(10, period.Buckets.Count);
    }

    [Fact]
    public void Offsets_in_from_and_to_may_differ_from_the_tenant_zone()
    {
        var period = Resolve(null, s_now, Utc, from: "2026-01-05T00:00:00-05:00", to: "2026-01-05T07:00:00+00:00");

        Assert.Equal(At("2026-01-05T05:00:00Z"), period.From);
        Assert.Equal(At("2026-01-05T07:00:00Z"), period.To);
        Assert.Equal(2, period.Buckets.Count);
    }

    [Fact]
    public void A_span_of_exactly_400_days_is_accepted()
    {
        var period = Resolve(null, s_now, Utc, from: "2025-01-01T00:00:00Z", to: "2026-02-05T00:00:00Z");

        Assert.Equal(400, period.Buckets.Count);
    }

    [Fact]
    public void BucketOf_finds_the_bucket_of_an_instant_inside_the_period_only()
    {
        var period = Resolve("today", s_now, Utc);

        Assert.Equal(At("2026-01-15T10:00:00Z"), period.BucketOf(At("2026-01-15T10:59:59Z")));
        Assert.Equal(At("2026-01-15T00:00:00Z"), period.BucketOf(period.From));
        Assert.Null(period.BucketOf(period.To));
        Assert.Null(period.BucketOf(period.From.AddTicks(-1)));
    }

    [Theory]
    [InlineData("7d", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", null, "period", "either")]
    [InlineData(null, "2026-01-01T00:00:00Z", null, null, "to", "required")]
    [InlineData(null, null, "2026-01-02T00:00:00Z", null, "from", "required")]
    [InlineData("yesterday", null, null, null, "period", "today, 7d, 30d or 90d")]
    [InlineData(null, null, null, "week", "interval", "'hour' or 'day'")]
    [InlineData(null, "2026-01-01T00:00:00", "2026-01-02T00:00:00Z", null, "from", "offset")]
    [InlineData(null, "2026-01-01", "2026-01-02T00:00:00Z", null, "from", "offset")]
    [InlineData(null, "2026-01-01T00:00:00Z", "tomorrow", null, "to", "ISO-8601")]
    [InlineData(null, "2026-01-01T00:00:00 01:00", "2026-01-02T00:00:00Z", null, "from", "%2B")]
    [InlineData(null, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", null, "from", "before")]
    [InlineData(null, "2026-01-01T00:00:00Z", "2026-01-01T01:00:00+01:00", null, "from", "before")]
    [InlineData(null, "2025-01-01T00:00:00Z", "2026-02-05T00:00:01Z", null, "to", "400 days")]
    [InlineData(null, "2025-01-01T00:00:00Z", "2025-10-01T00:00:00Z", "hour", "interval", "5,000")]
    [InlineData(null, "1969-12-31T00:00:00Z", "1970-01-02T00:00:00Z", null, "from", "1970")]
    public void Invalid_requests_are_refused_naming_the_parameter(
        string? period, string? from, string? to, string? interval, string parameter, string messagePart)
    {
        var error = Reject(period, from, to, interval);

        Assert.Equal(parameter, error.Parameter);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ninety_days_in_hour_buckets_stays_within_the_bucket_limit()
    {
        var period = Resolve("90d", s_now, Utc, interval: "hour");

        Assert.Equal(2160, period.Buckets.Count);
    }
}
