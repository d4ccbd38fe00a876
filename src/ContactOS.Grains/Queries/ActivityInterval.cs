namespace ContactOS.Grains.Queries;

/// <summary>A stretch of an agent's day in one status, in the tenant's time zone.</summary>
public sealed record ActivityInterval(string Status, DateTimeOffset From, DateTimeOffset To, double Seconds);
