namespace ContactOS.Grains.Queries;

/// <summary>Conversations started in the period and resolved by AI and by a human, with each one's share of the two.</summary>
public sealed record ResolutionSplitReport(string Period, DateTimeOffset From, DateTimeOffset To, long Ai, long Human, double AiShare, double HumanShare);
