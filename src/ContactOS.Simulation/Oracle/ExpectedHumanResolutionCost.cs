namespace ContactOS.Simulation.Oracle;

/// <summary>
/// Conversations started in the period and resolved by a human: their model cost, the sum of their handle times in
/// hours, its cost at the tenant's agent rate, and (model plus agent) cost per resolution; null where the rate is not
/// set or there are no resolutions.
/// </summary>
public sealed record ExpectedHumanResolutionCost(long Resolutions, decimal Cost, double HandleHours, decimal? AgentCost, decimal? CostPerResolution);
