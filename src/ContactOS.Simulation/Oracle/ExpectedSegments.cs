namespace ContactOS.Simulation.Oracle;

/// <summary>A figure for the conversations resolved by AI, by a human, and for all the figure applies to.</summary>
public sealed record ExpectedSegments<T>(T Ai, T Human, T All);
