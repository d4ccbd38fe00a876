namespace ContactOS.Simulation.Oracle;

/// <summary>Conversations with an NPS answer (their latest one) by kind, and the score 100 × (promoters − detractors) ÷ responses; null without responses.</summary>
public sealed record ExpectedNps(long Responses, long Promoters, long Passives, long Detractors, double? Score);
