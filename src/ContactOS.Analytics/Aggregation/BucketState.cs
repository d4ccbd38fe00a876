namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// One hour bucket as plain data, for snapshots: <paramref name="Counters"/> are started, AI-resolved, human-resolved,
/// closed, AI sentiment sum and count, human sentiment sum and count; <paramref name="Handoffs"/> follow the order of
/// the handoff reasons.
/// </summary>
[GenerateSerializer, Alias("contactos.bucket-state")]
public sealed record BucketState(long HourTicks, long[] Counters, long[] Handoffs, Dictionary<string, long>? Intents);
