namespace ContactOS.Simulation.Oracle;

/// <summary>
/// The conversations started in the period, those of them abandoned, and the abandoned ones by last intent (most first,
/// ties by name, ordinal; <c>(none)</c> for those without an intent).
/// </summary>
public sealed record ExpectedDropOff(long Started, long Abandoned, IReadOnlyList<ExpectedCount> ByLastIntent)
{
    public const string NoIntent = "(none)";
}
