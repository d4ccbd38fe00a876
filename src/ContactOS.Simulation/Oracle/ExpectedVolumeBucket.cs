namespace ContactOS.Simulation.Oracle;

/// <summary>Conversations that started in the bucket (and in the period) and were resolved by AI, and by a human.</summary>
public sealed record ExpectedVolumeBucket(DateTimeOffset Start, int AiResolved, int HumanResolved);
