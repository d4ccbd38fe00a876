namespace ContactOS.Simulation.Oracle;

/// <summary>The quality figures of the conversations started in the period, with the settings they were computed with.</summary>
public sealed record ExpectedQuality(
    int ReopenWindowHours,
    int AbandonAfterHours,
    ExpectedSegments<ExpectedCsat> Csat,
    ExpectedSegments<ExpectedNps> Nps,
    ExpectedSegments<ExpectedRate> FeedbackResponseRate,
    ExpectedSegments<ExpectedRate> ReopenRate,
    ExpectedSegments<ExpectedRate> FirstContactResolution,
    ExpectedTransferRates TransferRate,
    ExpectedSegments<ExpectedRate> Abandonment);
