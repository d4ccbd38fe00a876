namespace ContactOS.Simulation.Oracle;

/// <summary>Names of the insight rules of docs/analytics.md, as the ground truth reports the ones that fire.</summary>
public static class InsightRule
{
    public const string AiResolutionRateUp = "ai_resolution_rate_up";
    public const string AiResolutionRateDown = "ai_resolution_rate_down";
    public const string SatisfactionUp = "satisfaction_up";
    public const string SatisfactionDown = "satisfaction_down";
    public const string PendingHigh = "pending_high";
    public const string AiResolutionRateSteady = "ai_resolution_rate_steady";
    public const string SatisfactionSteady = "satisfaction_steady";
    public const string TooFewToCompare = "too_few_to_compare";

    /// <summary>The rule for one handoff reason, such as <c>handoff_reason_up:billing</c>.</summary>
    public static string HandoffReasonUp(string reason) => "handoff_reason_up:" + reason;
}
