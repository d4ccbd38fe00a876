namespace ContactOS.Grains.Queries;

/// <summary>An agent's time in one status over a day.</summary>
public sealed record StatusTotal(string Status, double Seconds);
