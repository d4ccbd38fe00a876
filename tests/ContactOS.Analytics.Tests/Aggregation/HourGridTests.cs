using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Periods;

namespace ContactOS.Analytics.Tests.Aggregation;

/// <summary>The hour key every counter is filed under: the remembered last bucket must never answer for another hour.</summary>
public sealed class HourGridTests
{
    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Madrid")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("America/St_Johns")]
    [InlineData("Australia/Lord_Howe")]
    public void Every_instant_gets_the_start_of_its_local_hour_bucket_whatever_was_asked_before(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var random = new Random(5);

        // Around both of the year's clock changes (where the zone has them), in small steps and jumps back and forth.
        foreach (var around in new[] { new DateTimeOffset(2026, 4, 5, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 4, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero) })
        {
            var at = around.AddHours(-30);
            for (var i = 0; i < 5_000; i++)
            {
                at = at.AddMinutes(random.Next(-20, 45) + random.NextDouble());
                Assert.Equal(TenantCalendar.BucketStart(at, BucketInterval.Hour, zone).UtcTicks, HourGrid.HourStartTicks(at, zone));
            }
        }
    }
}
