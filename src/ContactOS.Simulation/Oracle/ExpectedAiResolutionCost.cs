namespace ContactOS.Simulation.Oracle;

/// <summary>Conversations started in the period and resolved by AI, their model cost, and the cost per resolution (null without resolutions).</summary>
public sealed record ExpectedAiResolutionCost(long Resolutions, decimal Cost, decimal? CostPerResolution);
