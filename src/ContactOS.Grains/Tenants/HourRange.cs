namespace ContactOS.Grains.Tenants;

/// <summary>A half-open range of whole local hours.</summary>
[GenerateSerializer, Immutable, Alias("contactos.hour-range")]
public readonly record struct HourRange(DateTimeOffset From, DateTimeOffset To);
