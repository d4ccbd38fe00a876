namespace ContactOS.Analytics.Insights;

/// <summary>
/// A rule that fired: its name (see <see cref="InsightRules"/>), whether it is good news, and the figures its
/// sentence quotes (<paramref name="Current"/> and <paramref name="Previous"/>: rates as fractions, satisfaction as
/// means, handoffs and pending as counts; for pending, <paramref name="Previous"/> is the period's conversations).
/// </summary>
public sealed record InsightFinding(string Rule, bool Positive, double Current, double Previous, string? Reason = null);
