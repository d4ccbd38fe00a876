namespace ContactOS.Simulation.Oracle;

/// <summary>
/// The intent detections of the conversations started in the period: per intent (by conversations, most first, ties
/// by name, ordinal), the confidence histogram (ten bins), the low-confidence and fallback rates with the settings
/// they were computed with.
/// </summary>
public sealed record ExpectedIntents(
    long Detections,
    IReadOnlyList<ExpectedIntent> Intents,
    IReadOnlyList<ExpectedConfidenceBin> Histogram,
    double LowConfidenceThreshold,
    ExpectedRate LowConfidence,
    IReadOnlyList<string> FallbackIntents,
    ExpectedRate Fallback);
