using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Tenants;

/// <summary>Bucket sums for the ranges asked for, in order, and the live gauges at the same instant.</summary>
public sealed record TenantTotals(IReadOnlyList<BucketTotals> Ranges, long Active, long Pending);
