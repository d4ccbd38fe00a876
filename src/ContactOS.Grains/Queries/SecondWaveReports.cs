namespace ContactOS.Grains.Queries;

/// <summary>A duration's distribution over a period: exact count and mean, percentiles within 1 % (docs/analytics.md).</summary>
public sealed record DurationSummary(long Count, double? Mean, double? P50, double? P90, double? P95, double? P99);

/// <summary>A rate with what it is made of: <paramref name="Count"/> of <paramref name="Of"/>; 0 when <paramref name="Of"/> is 0.</summary>
public sealed record RateFigure(long Count, long Of, double Value);

/// <summary>A figure for the conversations resolved by AI, by a human, and for all it applies to.</summary>
public sealed record SegmentFigures<T>(T Ai, T Human, T All);

/// <summary>First response, human first response, handle and resolution times, in seconds.</summary>
public sealed record ResponseTimesReport(
    string Period, DateTimeOffset From, DateTimeOffset To,
    DurationSummary FirstResponse, DurationSummary HumanFirstResponse, DurationSummary HandleTime, DurationSummary ResolutionTime);

public sealed record CsatFigures(long Responses, double? Mean, double? SatisfiedShare);

public sealed record NpsFigures(long Responses, long Promoters, long Passives, long Detractors, double? Score);

public sealed record TransferRates(RateFigure Ai, RateFigure Human);

public sealed record QualityReport(
    string Period, DateTimeOffset From, DateTimeOffset To,
    int ReopenWindowHours, int AbandonAfterHours,
    SegmentFigures<CsatFigures> Csat,
    SegmentFigures<NpsFigures> Nps,
    SegmentFigures<RateFigure> FeedbackResponseRate,
    SegmentFigures<RateFigure> ReopenRate,
    SegmentFigures<RateFigure> FirstContactResolution,
    TransferRates TransferRate,
    SegmentFigures<RateFigure> Abandonment);

public sealed record IntentFigures(string Intent, long Conversations, long Detections, double? MeanConfidence);

/// <summary>Detections with a confidence in [<paramref name="From"/>, <paramref name="To"/>) (the last bin includes 1.0).</summary>
public sealed record ConfidenceBin(double From, double To, long Detections);

/// <summary>Intents ordered by conversations, most first, ties by name.</summary>
public sealed record IntentsReport(
    string Period, DateTimeOffset From, DateTimeOffset To,
    long Detections,
    IReadOnlyList<IntentFigures> Intents,
    IReadOnlyList<ConfidenceBin> Histogram,
    double LowConfidenceThreshold,
    RateFigure LowConfidence,
    IReadOnlyList<string> FallbackIntents,
    RateFigure Fallback);

/// <summary>One tool's calls; latency in milliseconds.</summary>
public sealed record ToolFigures(string Tool, long Calls, long Succeeded, long Failed, double? SuccessRate, DurationSummary LatencyMs);

/// <summary>Tools ordered by calls, most first, ties by name.</summary>
public sealed record ToolsReport(string Period, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ToolFigures> Tools);

/// <summary>Abandoned conversations by their last intent, most first, ties by name; "(none)" for those without one.</summary>
public sealed record DropOffReport(string Period, DateTimeOffset From, DateTimeOffset To, long Started, long Abandoned, IReadOnlyList<IntentCount> ByLastIntent);

public sealed record ModelSpend(string Model, long Messages, long Tokens, decimal Cost);

public sealed record ConversationSpend(long Conversations, long Tokens, decimal Cost, double? MeanTokens, decimal? MeanCost);

public sealed record AiResolutionCost(long Resolutions, decimal Cost, decimal? CostPerResolution);

public sealed record HumanResolutionCost(long Resolutions, decimal Cost, double HandleHours, decimal? AgentCost, decimal? CostPerResolution);

public sealed record AutomationSavings(long Automated, long Started, double Rate, decimal? CostSaved, decimal? NetSaved);

public sealed record BudgetStatus(DateTimeOffset MonthStart, decimal SpendToDate, decimal ProjectedMonthEnd, decimal? MonthlyBudget, bool? OverBudget);

/// <summary>Model spend (models ordered by cost, most first, ties by name), cost per resolution, automation savings, budget.</summary>
public sealed record CostsReport(
    string Period, DateTimeOffset From, DateTimeOffset To,
    string Currency,
    IReadOnlyList<ModelSpend> Models,
    ConversationSpend PerConversation,
    AiResolutionCost AiResolution,
    HumanResolutionCost HumanResolution,
    AutomationSavings Automation,
    BudgetStatus Budget);
