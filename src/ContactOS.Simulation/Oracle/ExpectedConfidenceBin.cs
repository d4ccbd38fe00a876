namespace ContactOS.Simulation.Oracle;

/// <summary>Detections with a confidence in [<see cref="From"/>, <see cref="To"/>) (the last bin includes 1.0).</summary>
public sealed record ExpectedConfidenceBin(double From, double To, long Detections);
