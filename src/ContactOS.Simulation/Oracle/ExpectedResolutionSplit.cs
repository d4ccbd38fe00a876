namespace ContactOS.Simulation.Oracle;

/// <summary>Conversations started in the period and resolved by AI and by a human; each share is of the two together (0 when neither).</summary>
public sealed record ExpectedResolutionSplit(int Ai, int Human, double AiShare, double HumanShare);
