namespace ContactOS.Simulation.Oracle;

/// <summary>One intent: distinct conversations with it, its detections, and their mean confidence (each rounded to 6 decimals; null when none has one).</summary>
public sealed record ExpectedIntent(string Intent, long Conversations, long Detections, double? MeanConfidence);
