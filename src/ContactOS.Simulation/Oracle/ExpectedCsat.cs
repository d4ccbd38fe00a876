namespace ContactOS.Simulation.Oracle;

/// <summary>Conversations with a CSAT (their latest one), its mean, and the share of 4s and 5s; null means without responses.</summary>
public sealed record ExpectedCsat(long Responses, double? Mean, double? SatisfiedShare);
