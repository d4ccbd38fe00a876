namespace ContactOS.Simulation.Oracle;

/// <summary>One model's messages with tokens or cost, timestamped in the period: how many, their tokens and cost.</summary>
public sealed record ExpectedModelSpend(string Model, long Messages, long Tokens, decimal Cost)
{
    public const string Unknown = "(unknown)";
}
