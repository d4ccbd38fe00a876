namespace ContactOS.Simulation.Oracle;

/// <summary>
/// Conversations started in the period and resolved by AI, of those started; what they saved at the tenant's cost per
/// human conversation, and that less their model cost (null while the cost per human conversation is not set).
/// </summary>
public sealed record ExpectedAutomation(long Automated, long Started, double Rate, decimal? CostSaved, decimal? NetSaved);
