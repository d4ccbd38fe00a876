namespace ContactOS.Analytics.Periods;

/// <summary>
/// A validated period (docs/analytics.md, "Tenant time"): the half-open interval <c>[From, To)</c> made of whole
/// buckets aligned to local hour or day boundaries of <see cref="Zone"/>, and the previous period
/// <c>[PreviousFrom, PreviousTo)</c> that ends where it starts. Instants carry the zone's offset at that instant.
/// </summary>
public sealed record ResolvedPeriod
{
    /// <summary><c>today</c>, <c>7d</c>, <c>30d</c>, <c>90d</c>, or <c>custom</c> for an explicit from/to.</summary>
    public required string Name { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required DateTimeOffset PreviousFrom { get; init; }

    public required DateTimeOffset PreviousTo { get; init; }

    public required BucketInterval Interval { get; init; }

    public required TimeZoneInfo Zone { get; init; }

    /// <summary>Bucket starts in ascending order, the first at <see cref="From"/>; a bucket ends where the next starts, the last at <see cref="To"/>.</summary>
    public required IReadOnlyList<DateTimeOffset> Buckets { get; init; }

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    public bool PreviousContains(DateTimeOffset instant) => instant >= PreviousFrom && instant < PreviousTo;

    /// <summary>The start of the bucket an instant of the period falls in; null for an instant outside <c>[From, To)</c>.</summary>
    public DateTimeOffset? BucketOf(DateTimeOffset instant)
    {
        if (!Contains(instant) || Buckets.Count == 0)
        {
            return null;
        }

        // The last bucket start at or before the instant; starts are sorted, so binary search.
        int low = 0, high = Buckets.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Buckets[middle] <= instant)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return Buckets[low];
    }
}
