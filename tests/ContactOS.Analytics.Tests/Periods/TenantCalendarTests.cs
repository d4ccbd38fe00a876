using ContactOS.Analytics.Periods;
using static ContactOS.Analytics.Tests.Periods.Zones;

namespace ContactOS.Analytics.Tests.Periods;

public sealed class TenantCalendarTests
{
    [Theory]
    [InlineData("Europe/Madrid", "2026-03-29", 23)]
    [InlineData("Europe/Madrid", "2026-10-25", 25)]
    [InlineData("Europe/Madrid", "2026-06-15", 24)]
    [InlineData("America/New_York", "2026-03-08", 23)]
    [InlineData("America/New_York", "2026-11-01", 25)]
    [InlineData("Asia/Kolkata", "2026-03-29", 24)]
    public void A_local_day_has_one_hour_bucket_per_hour_the_clocks_show(string zoneId, string date, int expectedHours)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var day = LocalDay.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), zone);

        var buckets = TenantCalendar.BucketStarts(day.Start, day.End, BucketInterval.Hour, zone).ToList();

        Assert.Equal(expectedHours, buckets.Count);
        Assert.Equal(TimeSpan.FromHours(expectedHours), day.End - day.Start);
        Assert.All(buckets, b => Assert.Equal(0, b.Minute));
        Assert.All(buckets.Zip(buckets.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), pair.Second - pair.First));
    }

    [Fact]
    public void Spring_forward_in_Madrid_skips_the_two_oclock_bucket()
    {
        var day = LocalDay.Of(new DateOnly(2026, 3, 29), Madrid);

        var hours = TenantCalendar.BucketStarts(day.Start, day.End, BucketInterval.Hour, Madrid).Select(b => b.Hour).ToList();

        Assert.Equal([0, 1, 3, 4], hours.Take(4));
        Assert.DoesNotContain(2, hours);
    }

    [Fact]
    public void Fall_back_in_Madrid_has_two_two_oclock_buckets_with_different_offsets()
    {
        var day = LocalDay.Of(new DateOnly(2026, 10, 25), Madrid);

        var twoOClock = TenantCalendar.BucketStarts(day.Start, day.End, BucketInterval.Hour, Madrid).Where(b => b.Hour == 2).ToList();

        Assert.Equal([At("2026-10-25T02:00:00+02:00"), At("2026-10-25T02:00:00+01:00")], twoOClock);
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(1)], twoOClock.Select(b => b.Offset));
    }

    [Fact]
    public void An_instant_in_the_repeated_hour_falls_in_the_bucket_of_its_own_offset()
    {
        var second = At("2026-10-25T02:30:00+01:00");

        Assert.Equal(At("2026-10-25T02:00:00+01:00"), TenantCalendar.BucketStart(second, BucketInterval.Hour, Madrid));
        Assert.Equal(At("2026-10-25T03:00:00+01:00"), TenantCalendar.NextBucketStart(second, BucketInterval.Hour, Madrid));
        Assert.Equal(At("2026-10-25T02:00:00+02:00"), TenantCalendar.PreviousBucketStart(second, BucketInterval.Hour, Madrid));
    }

    [Fact]
    public void Hour_buckets_in_Kolkata_start_half_past_the_utc_hour()
    {
        var start = TenantCalendar.BucketStart(At("2026-01-05T10:37:00+05:30"), BucketInterval.Hour, Kolkata);

        Assert.Equal(At("2026-01-05T04:30:00Z"), start);
        Assert.Equal(TimeSpan.FromHours(5.5), start.Offset);
    }

    [Fact]
    public void Hour_buckets_in_Kathmandu_start_a_quarter_past_the_utc_hour()
    {
        var start = TenantCalendar.BucketStart(At("2026-01-05T05:00:00Z"), BucketInterval.Hour, Kathmandu);

        Assert.Equal(At("2026-01-05T10:00:00+05:45"), start);
        Assert.Equal(At("2026-01-05T04:15:00Z"), start);
    }

    [Fact]
    public void Day_buckets_start_at_local_midnight_in_non_whole_hour_zones()
    {
        Assert.Equal(At("2026-01-04T18:30:00Z"), TenantCalendar.BucketStart(At("2026-01-05T10:37:00+05:30"), BucketInterval.Day, Kolkata));
        Assert.Equal(At("2026-01-04T18:15:00Z"), TenantCalendar.BucketStart(At("2026-01-05T10:37:00+05:45"), BucketInterval.Day, Kathmandu));
    }

    [Fact]
    public void A_day_whose_midnight_is_skipped_starts_when_the_clocks_jump()
    {
        // Chile moves its clocks from 00:00 to 01:00 in September: there is no local midnight that day.
        var day = LocalDay.Of(new DateOnly(2025, 9, 7), Santiago);

        Assert.Equal(At("2025-09-07T01:00:00-03:00"), day.Start);
        Assert.Equal(TimeSpan.FromHours(23), day.End - day.Start);
    }

    [Fact]
    public void A_day_whose_last_hour_repeats_lasts_twenty_five_hours()
    {
        // Chile moves its clocks back from 24:00 to 23:00 in April.
        var day = LocalDay.Of(new DateOnly(2026, 4, 4), Santiago);

        Assert.Equal(TimeSpan.FromHours(25), day.End - day.Start);
        Assert.Equal(At("2026-04-05T00:00:00-04:00"), day.End);
    }

    [Fact]
    public void A_half_hour_clock_change_gives_a_half_hour_bucket()
    {
        // Lord Howe Island moves from +10:30 to +11:00 at 02:00 local time.
        var start = At("2025-10-05T01:00:00+10:30");

        var buckets = TenantCalendar.BucketStarts(start, start.AddHours(3), BucketInterval.Hour, LordHowe).ToList();

        Assert.Equal([At("2025-10-05T01:00:00+10:30"), At("2025-10-05T02:30:00+11:00"), At("2025-10-05T03:00:00+11:00")], buckets.Take(3));
    }

    [Fact]
    public void Rounding_up_keeps_an_instant_that_is_already_on_the_grid()
    {
        var onGrid = At("2026-01-05T10:00:00Z");

        Assert.Equal(onGrid, TenantCalendar.RoundUp(onGrid, BucketInterval.Hour, Utc));
        Assert.Equal(At("2026-01-05T11:00:00Z"), TenantCalendar.RoundUp(onGrid.AddTicks(1), BucketInterval.Hour, Utc));
    }
}
