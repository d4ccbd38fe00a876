namespace ContactOS.Simulation.Oracle;

/// <summary>
/// The six KPIs of docs/analytics.md. Rates are fractions 0-1; satisfaction is a mean 1-5, null without scored
/// messages. <see cref="Pending"/> and <see cref="Active"/> are live gauges with no previous value;
/// <see cref="PreviousClosedToday"/> is the local day before today.
/// </summary>
public sealed record ExpectedKpis(
    double AiResolutionRate,
    double PreviousAiResolutionRate,
    int TotalConversations,
    int PreviousTotalConversations,
    int Pending,
    int ClosedToday,
    int PreviousClosedToday,
    int Active,
    double? Satisfaction,
    double? PreviousSatisfaction);
