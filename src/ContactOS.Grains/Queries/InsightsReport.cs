namespace ContactOS.Grains.Queries;

/// <summary>What goes well and what needs attention in the period against the previous one, in <see cref="Lang"/>.</summary>
public sealed record InsightsReport(
    string Period, DateTimeOffset From, DateTimeOffset To, string Lang, IReadOnlyList<Insight> Positive, IReadOnlyList<Insight> Attention);
