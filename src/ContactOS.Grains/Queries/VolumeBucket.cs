namespace ContactOS.Grains.Queries;

/// <summary>Conversations started in the bucket and resolved by AI, and by a human.</summary>
public sealed record VolumeBucket(DateTimeOffset Start, long Ai, long Human);
