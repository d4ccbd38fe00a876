namespace ContactOS.Analytics.Settings;

/// <summary>
/// A tenant's settings that the second-wave figures read at query time (docs/analytics.md): changing one changes the
/// answers at once, with nothing to recompute.
/// </summary>
/// <param name="ReopenWindowHours">A customer message at most this many hours after a resolution reopens the conversation (1-720).</param>
/// <param name="AbandonAfterHours">An unresolved conversation idle this many hours is abandoned, decided on the hour (1-720).</param>
/// <param name="LowConfidenceThreshold">Intent detections below this confidence (steps of 0.01) are low-confidence.</param>
/// <param name="FallbackIntents">Intent names that mean the NLU found nothing better.</param>
/// <param name="Currency">ISO 4217 code of the tenant's money figures.</param>
/// <param name="AgentCostPerHour">What an hour of a human agent's handle time costs; null until set.</param>
/// <param name="CostPerHumanConversation">What a conversation handled by a human costs; null until set.</param>
/// <param name="MonthlyBudget">The model spend budget of a calendar month; null until set.</param>
public sealed record AnalyticsSettings(
    int ReopenWindowHours,
    int AbandonAfterHours,
    double LowConfidenceThreshold,
    IReadOnlyList<string> FallbackIntents,
    string Currency,
    decimal? AgentCostPerHour,
    decimal? CostPerHumanConversation,
    decimal? MonthlyBudget)
{
    public const int DefaultReopenWindowHours = 24;
    public const int DefaultAbandonAfterHours = 24;
    public const double DefaultLowConfidenceThreshold = 0.7;
    public const string DefaultCurrency = "USD";

    public static IReadOnlyList<string> DefaultFallbackIntents { get; } = ["fallback"];

    public static AnalyticsSettings Default { get; } = new(
        DefaultReopenWindowHours, DefaultAbandonAfterHours, DefaultLowConfidenceThreshold, DefaultFallbackIntents, DefaultCurrency, null, null, null);
}
