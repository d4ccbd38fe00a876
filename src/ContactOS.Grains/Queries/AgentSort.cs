namespace ContactOS.Grains.Queries;

/// <summary>The orders of the agent leaderboard (docs/analytics.md, "The leaderboard").</summary>
public static class AgentSort
{
    public const string Resolutions = "resolutions";
    public const string Handled = "handled";
    public const string Csat = "csat";
    public const string HandleTime = "handleTime";
    public const string Occupancy = "occupancy";

    public static IReadOnlyList<string> All { get; } = [Resolutions, Handled, Csat, HandleTime, Occupancy];

    public static bool IsSupported(string sort) => All.Contains(sort, StringComparer.Ordinal);
}
