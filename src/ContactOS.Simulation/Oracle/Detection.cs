namespace ContactOS.Simulation.Oracle;

/// <summary>One <c>intent.detected</c> event: the intent and its confidence when given.</summary>
internal readonly record struct Detection(string Intent, double? Confidence);
