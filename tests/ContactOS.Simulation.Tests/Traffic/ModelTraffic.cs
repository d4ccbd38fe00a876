using ContactOS.Analytics.Events;
using ContactOS.Simulation.Traffic;

namespace ContactOS.Simulation.Tests.Traffic;

/// <summary>One week of a Madrid tenant's history from its model, generated once, and the model's live stream.</summary>
public sealed class ModelTraffic
{
    public static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    /// <summary>Monday 12 January 2026, 00:00 in Madrid: the history is that week, Monday to Sunday.</summary>
    public static readonly DateTimeOffset WeekStart = new(2026, 1, 12, 0, 0, 0, TimeSpan.FromHours(1));

    public static readonly TenantModel Model = new() { TimeZone = "Europe/Madrid", ConversationsPerWeekday = 5_000, Locale = "es" };

    private static readonly Lazy<IReadOnlyList<ContactEvent>> s_history = new(() =>
        [.. TrafficGenerator.Generate(new TrafficOptions
        {
            Seed = 5,
            TenantIds = ["iberia"],
            Models = new Dictionary<string, TenantModel> { ["iberia"] = Model },
            Start = WeekStart,
            End = WeekStart.AddDays(7),
            DuplicateRatio = 0,
        }).Select(e => e.Event)]);

    public IReadOnlyList<ContactEvent> History => s_history.Value;

    /// <summary>The local start times of the history's conversations.</summary>
    public IEnumerable<DateTimeOffset> HistoryStarts =>
        History.Where(e => e.Type == EventTypes.ConversationStarted).Select(e => TimeZoneInfo.ConvertTime(e.Timestamp, Madrid));

    /// <summary>The events the live stream emits in the <paramref name="length"/> from <paramref name="from"/>, a tick a second.</summary>
    public static List<TenantEvent> Live(DateTimeOffset from, TimeSpan length, int seed = 9)
    {
        var live = new LiveTraffic(
            new LiveTrafficOptions
            {
                Seed = seed,
                TenantIds = ["iberia"],
                Models = new Dictionary<string, TenantModel> { ["iberia"] = Model },
                Pace = 1,
            },
            from);
        var emitted = new List<TenantEvent>();
        for (var at = from.AddSeconds(1); at <= from + length; at = at.AddSeconds(1))
        {
            emitted.AddRange(live.Tick(at));
        }

        return emitted;
    }
}
