namespace ContactOS.Storage.Tenants;

/// <summary>
/// The tenant's settings that the analytics read at query time (docs/analytics.md), as stored. The caller validates
/// them; the store keeps money in millionths, so an amount must have at most 6 decimals.
/// </summary>
/// <param name="ReopenWindowHours">A customer message at most this many whole hours after a resolution reopens the conversation.</param>
/// <param name="AbandonAfterHours">An unresolved conversation idle this many whole hours is abandoned (decided on the hour).</param>
/// <param name="LowConfidenceThreshold">Intent detections below this confidence are low-confidence.</param>
/// <param name="FallbackIntents">Intent names that mean the NLU found nothing better, in the order given.</param>
/// <param name="Currency">ISO 4217 code of the tenant's money figures.</param>
/// <param name="AgentCostPerHour">What an hour of a human agent's handle time costs; null until set.</param>
/// <param name="CostPerHumanConversation">What a conversation handled by a human costs; null until set.</param>
/// <param name="MonthlyBudget">The model spend budget of a calendar month; null until set.</param>
public sealed record TenantAnalyticsSettings(
    int ReopenWindowHours,
    int AbandonAfterHours,
    double LowConfidenceThreshold,
    IReadOnlyList<string> FallbackIntents,
    string Currency,
    decimal? AgentCostPerHour,
    decimal? CostPerHumanConversation,
    decimal? MonthlyBudget)
{
    /// <summary>What a tenant gets until it sets them: the defaults of schema version 12.</summary>
    public static TenantAnalyticsSettings Default { get; } = new(24, 24, 0.7, ["fallback"], "USD", null, null, null);

    // Settings compare by value, the fallback intents by their names in order: a stored copy equals what was stored.
    public bool Equals(TenantAnalyticsSettings? other) =>
        other is not null
        && ReopenWindowHours.Equals(other.ReopenWindowHours)
        && AbandonAfterHours.Equals(other.AbandonAfterHours)
        && LowConfidenceThreshold.Equals(other.LowConfidenceThreshold)
        && FallbackIntents.SequenceEqual(other.FallbackIntents, StringComparer.Ordinal)
        && string.Equals(Currency, other.Currency, StringComparison.Ordinal)
        && AgentCostPerHour == other.AgentCostPerHour
        && CostPerHumanConversation == other.CostPerHumanConversation
        && MonthlyBudget == other.MonthlyBudget;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ReopenWindowHours);
        hash.Add(AbandonAfterHours);
        hash.Add(LowConfidenceThreshold);
        foreach (var intent in FallbackIntents)
        {
            hash.Add(intent, StringComparer.Ordinal);
        }

        hash.Add(Currency, StringComparer.Ordinal);
        hash.Add(AgentCostPerHour);
        hash.Add(CostPerHumanConversation);
        hash.Add(MonthlyBudget);
        return hash.GetHashCode();
    }
}
