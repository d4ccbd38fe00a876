using ContactOS.Simulation.Traffic;

namespace ContactOS.Simulation.Tests.Traffic;

/// <summary>One realistic history, generated once and shared by the tests that inspect it.</summary>
public sealed class GeneratedTraffic
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 37, 0, TimeSpan.Zero);

    public static readonly TrafficOptions Options = TrafficOptions.EndingAt(Now, TimeSpan.FromDays(100)) with
    {
        Seed = 42,
        TenantIds = ["acme", "globex", "initech"],
        ConversationsPerTenant = 1_500,
    };

    // Deterministic, so every fixture instance can share one copy.
    private static readonly Lazy<IReadOnlyList<TenantEvent>> s_events = new(() => TrafficGenerator.Generate(Options));

    public IReadOnlyList<TenantEvent> Events => s_events.Value;
}
