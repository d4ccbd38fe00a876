using ContactOS.Simulation;
using ContactOS.Simulation.Traffic;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// One seeded history of three tenants in three time zones, generated once and shared by the engine tests. "Now"
/// falls a few days after Madrid's clocks went forward (29 March 2026), so the 7d, 30d and 90d periods of the Madrid
/// tenant hold a 23-hour day, and Kolkata's +05:30 puts its hour buckets at half past the UTC hour.
/// </summary>
public sealed class SimulatedTraffic
{
    public static readonly DateTimeOffset Now = new(2026, 4, 2, 9, 17, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string> ZoneIds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["utc-co"] = "UTC",
        ["madrid-co"] = "Europe/Madrid",
        ["kolkata-co"] = "Asia/Kolkata",
    };

    public static readonly TrafficOptions Options = TrafficOptions.EndingAt(Now, TimeSpan.FromDays(110)) with
    {
        Seed = 2026,
        TenantIds = [.. ZoneIds.Keys],
        ConversationsPerTenant = 1_500,
        AgentsPerTenant = 4,
    };

    private static readonly Lazy<IReadOnlyList<TenantEvent>> s_events = new(() => TrafficGenerator.Generate(Options));

    /// <summary>Every event in the order it reaches the system, duplicates and late arrivals included.</summary>
    public IReadOnlyList<TenantEvent> Events => s_events.Value;

    public static TimeZoneInfo ZoneOf(string tenantId) => TimeZoneInfo.FindSystemTimeZoneById(ZoneIds[tenantId]);

    /// <summary>
    /// The sentiment of a message that came without a score: a stand-in for a real scorer, deterministic and spread
    /// over 1-5 so that a message scored twice, or by the wrong side, would show in the sums.
    /// </summary>
    public static int Score(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (int)((uint)hash % 5) + 1;
    }
}
