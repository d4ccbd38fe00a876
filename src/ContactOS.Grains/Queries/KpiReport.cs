namespace ContactOS.Grains.Queries;

/// <summary>The six KPIs of docs/analytics.md for one period of one tenant.</summary>
public sealed record KpiReport(
    string Period,
    DateTimeOffset From,
    DateTimeOffset To,
    KpiValue AiResolutionRate,
    KpiValue TotalConversations,
    KpiValue Pending,
    KpiValue ClosedToday,
    KpiValue Active,
    KpiValue Satisfaction);
