namespace ContactOS.Grains.Queries;

/// <summary>AI- and human-resolved conversations per bucket (<c>hour</c> or <c>day</c>).</summary>
public sealed record VolumeReport(string Period, DateTimeOffset From, DateTimeOffset To, string Interval, IReadOnlyList<VolumeBucket> Buckets);
