namespace ContactOS.Grains.Tenants;

/// <summary>A half-open range of whole local hours.</summary>
public readonly record struct HourRange(DateTimeOffset From, DateTimeOffset To);
