namespace ContactOS.Simulation.Oracle;

/// <summary>
/// What the insight rules look at, and which of them fire (<see cref="InsightRule"/> names). Rules fire only when
/// <see cref="Applies"/>: both periods have at least 20 conversations; otherwise a period with conversations gets
/// only <see cref="InsightRule.TooFewToCompare"/>. <see cref="AiResolutionRatePoints"/> is the
/// change in percentage points; <see cref="SatisfactionDelta"/> is null unless both periods have scored messages.
/// The thresholds are compared exactly (in integers), so a change of exactly 2 points or 0.2 fires.
/// </summary>
public sealed record ExpectedInsightInputs(
    bool Applies,
    int Conversations,
    int PreviousConversations,
    double AiResolutionRatePoints,
    double? SatisfactionDelta,
    IReadOnlyList<ExpectedHandoffReasonDelta> HandoffReasons,
    int PendingNow,
    IReadOnlyList<string> Positive,
    IReadOnlyList<string> Attention);
