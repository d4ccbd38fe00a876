using ContactOS.Analytics.Events;
using ContactOS.Simulation.Traffic;

namespace ContactOS.Simulation.Tests.Traffic;

/// <summary>
/// A tenant's model: history and live traffic follow one daily and weekly shape in the tenant's time zone at one rate,
/// so the live hour continues the history instead of towering over it.
/// </summary>
public sealed class TenantModelTests(ModelTraffic traffic) : IClassFixture<ModelTraffic>
{
    [Fact]
    public void History_per_local_hour_follows_the_daily_shape_quiet_at_night_and_busy_in_business_hours()
    {
        var weekdays = traffic.HistoryStarts.Where(s => s.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();

        for (var hour = 0; hour < 24; hour++)
        {
            // Five weekdays of the model's hourly rate at this local hour.
            var expected = 5 * ModelTraffic.Model.ConversationsPerHour(ModelTraffic.WeekStart.AddHours(hour));
            var actual = weekdays.Count(s => s.Hour == hour);
            Assert.InRange(actual, expected * 0.8, (expected * 1.2) + 10);
        }

        var night = weekdays.Count(s => s.Hour is >= 1 and < 5);
        var lateMorning = weekdays.Count(s => s.Hour is >= 10 and < 14);
        Assert.True(night * 10 < lateMorning, $"{night} conversations from 01:00 to 05:00 against {lateMorning} from 10:00 to 14:00.");
    }

    [Fact]
    public void History_is_quieter_at_weekends_and_near_the_model_rate_on_weekdays()
    {
        var perDay = traffic.HistoryStarts.GroupBy(s => s.DayOfWeek).ToDictionary(g => g.Key, g => g.Count());

        var weekday = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Average(d => perDay[d]);
        var weekend = (perDay[DayOfWeek.Saturday] + perDay[DayOfWeek.Sunday]) / 2.0;

        Assert.InRange(weekday, 4_750, 5_250);
        Assert.InRange(weekend / weekday, TrafficShape.WeekendFactor - 0.05, TrafficShape.WeekendFactor + 0.05);
    }

    [Theory]
    [InlineData(0, 10)] // Monday, late morning: the busiest hours
    [InlineData(1, 3)] // Tuesday night
    [InlineData(5, 11)] // Saturday late morning: busy, but less than a weekday
    public void Live_traffic_starts_conversations_at_the_rate_the_history_has_at_the_same_hour_of_the_week(int day, int hour)
    {
        // The history's hour, and the same hour of the following week played live.
        var historyHour = ModelTraffic.WeekStart.AddDays(day).AddHours(hour);
        var history = traffic.HistoryStarts.Count(s => s >= historyHour && s < historyHour.AddHours(1));

        var live = ModelTraffic.Live(historyHour.AddDays(7), TimeSpan.FromHours(1))
            .Count(e => e.Event.Type == EventTypes.ConversationStarted);

        Assert.InRange(live, (history * 0.8) - 5, (history * 1.2) + 5);
    }

    [Fact]
    public void The_live_hour_is_not_busier_than_the_busiest_hour_of_history()
    {
        var busiestHistoryHour = traffic.HistoryStarts.GroupBy(s => (s.Date, s.Hour)).Max(g => g.Count());

        var live = ModelTraffic.Live(ModelTraffic.WeekStart.AddDays(7).AddHours(11), TimeSpan.FromHours(1))
            .Count(e => e.Event.Type == EventTypes.ConversationStarted);

        Assert.InRange(live, busiestHistoryHour * 0.75, busiestHistoryHour * 1.15);
    }
}
