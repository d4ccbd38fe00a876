namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// The time from a resolution to the customer's next message, kept in whole hours rounded up: with a reopen window of
/// whole hours W, a gap is within it exactly when its hours rounded up are at most W, and conversations share counters.
/// </summary>
public static class ReopenGaps
{
    /// <summary>The longest reopen window a tenant can set, in hours.</summary>
    public const int MaxWindowHours = 720;

    /// <summary>Stands for every gap longer than the longest window.</summary>
    public const long Never = MaxWindowHours + 1;

    /// <summary>The gap in hours rounded up, at most <see cref="Never"/>; -1 (no customer message after a resolution) as is.</summary>
    public static long InHours(long gapTicks) =>
        gapTicks < 0 ? -1 : Math.Min(Never, (gapTicks + TimeSpan.TicksPerHour - 1) / TimeSpan.TicksPerHour);
}
