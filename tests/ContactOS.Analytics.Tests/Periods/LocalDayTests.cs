using ContactOS.Analytics.Periods;
using static ContactOS.Analytics.Tests.Periods.Zones;

namespace ContactOS.Analytics.Tests.Periods;

public sealed class LocalDayTests
{
    [Fact]
    public void Today_is_the_local_calendar_day_not_the_utc_one()
    {
        // 23:30 UTC on the 5th is already the 6th in Madrid.
        var today = LocalDay.Today(At("2026-01-05T23:30:00Z"), Madrid);

        Assert.Equal(new DateOnly(2026, 1, 6), today.Date);
        Assert.Equal(At("2026-01-06T00:00:00+01:00"), today.Start);
        Assert.Equal(At("2026-01-07T00:00:00+01:00"), today.End);
    }

    [Fact]
    public void Yesterday_ends_where_today_starts_and_can_be_shorter_on_a_clock_change()
    {
        var now = At("2026-03-30T09:00:00+02:00");

        var today = LocalDay.Today(now, Madrid);
        var yesterday = LocalDay.Yesterday(now, Madrid);

        Assert.Equal(today.Start, yesterday.End);
        Assert.Equal(TimeSpan.FromHours(23), yesterday.End - yesterday.Start);
        Assert.Equal(At("2026-03-29T00:00:00+01:00"), yesterday.Start);
    }

    [Fact]
    public void A_day_contains_its_start_but_not_its_end()
    {
        var day = LocalDay.Of(new DateOnly(2026, 1, 5), Kolkata);

        Assert.True(day.Contains(At("2026-01-05T00:00:00+05:30")));
        Assert.True(day.Contains(At("2026-01-05T23:59:59+05:30")));
        Assert.False(day.Contains(At("2026-01-06T00:00:00+05:30")));
        Assert.False(day.Contains(At("2026-01-04T23:59:59+05:30")));
    }
}
