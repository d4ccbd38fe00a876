namespace ContactOS.Simulation.Oracle;

/// <summary>
/// <see cref="Ai"/>: conversations handed off of those started; <see cref="Human"/>: conversations with two or more
/// distinct agents assigned of those with at least one.
/// </summary>
public sealed record ExpectedTransferRates(ExpectedRate Ai, ExpectedRate Human);
