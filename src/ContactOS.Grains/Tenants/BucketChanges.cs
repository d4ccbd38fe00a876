using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// The merged bucket changes of the events in <see cref="Range"/>, and the tenant's time zone, whose local days the
/// hours are rolled up into. <see cref="Expected"/> is the position the sender believes the aggregator includes.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.bucket-changes")]
public sealed record BucketChanges(KeyValuePair<MetricKey, long>[] Changes, LogRange Range, string TimeZoneId, long Expected);
