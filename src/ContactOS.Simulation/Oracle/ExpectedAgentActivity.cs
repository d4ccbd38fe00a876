namespace ContactOS.Simulation.Oracle;

/// <summary>An agent's day: its status intervals in order and the seconds per status (online, busy, offline first).</summary>
public sealed record ExpectedAgentActivity(
    string DisplayName, IReadOnlyList<ExpectedStatusInterval> Intervals, IReadOnlyList<KeyValuePair<string, double>> Totals);
