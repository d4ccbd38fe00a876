namespace ContactOS.Analytics.Periods;

/// <summary>Why a period request was refused: the offending query parameter and a message for the caller.</summary>
public sealed record PeriodError(string Parameter, string Message);
