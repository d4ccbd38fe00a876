namespace ContactOS.Grains.Queries;

/// <summary>Conversations started in the period by the reason of their first handoff; all five reasons, zeros included.</summary>
public sealed record HandoffReasonsReport(string Period, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ReasonCount> Reasons);
