namespace ContactOS.Simulation.Oracle;

/// <summary>Every figure the analytics API serves for one tenant, period and moment.</summary>
public sealed record ExpectedAnalytics(
    ExpectedKpis Kpis,
    ExpectedResolutionSplit ResolutionSplit,
    ExpectedHandoffReasons HandoffReasons,
    ExpectedTopIntents TopIntents,
    ExpectedVolume Volume,
    ExpectedSentimentTrend SentimentTrend,
    ExpectedAgents Agents,
    ExpectedInsightInputs Insights);
