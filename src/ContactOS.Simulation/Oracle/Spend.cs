namespace ContactOS.Simulation.Oracle;

/// <summary>A message with tokens or cost: its timestamp, model (<c>(unknown)</c> without one), tokens and cost in millionths.</summary>
internal readonly record struct Spend(DateTimeOffset Timestamp, string Model, long Tokens, long CostMicros)
{
    /// <summary>A cost in millionths of the currency: rounded to 6 decimals, halves away from zero.</summary>
    public static long Micros(decimal cost) => (long)Math.Round(cost * 1_000_000m, MidpointRounding.AwayFromZero);

    public static decimal Money(long micros) => micros / 1_000_000m;
}
