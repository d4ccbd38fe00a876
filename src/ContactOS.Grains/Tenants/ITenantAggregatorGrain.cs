using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Tenants;

/// <summary>A tenant's counters in local-hour buckets; key: the tenant id.</summary>
[Alias("contactos.tenant-aggregator")]
public interface ITenantAggregatorGrain : IGrainWithStringKey
{
    /// <summary>Applies the merged bucket changes of a routed batch; a range the grain already includes (a replay) is ignored.</summary>
    [Alias("apply")]
    Task ApplyChanges(BucketChanges changes);

    /// <summary>Sums of the hour buckets in [from, to) for each range, in order.</summary>
    [ReadOnly]
    [Alias("totals")]
    Task<BucketState[]> GetTotals(HourRange[] ranges);

    /// <summary>The second wave's counters of <paramref name="metrics"/> summed over each range, in order.</summary>
    [ReadOnly]
    [Alias("details")]
    Task<DetailState[]> GetDetails(HourRange[] ranges, MetricSet metrics);

    /// <summary>
    /// As <see cref="GetDetails(HourRange[], MetricSet)"/>, with the open unresolved conversations' values folded into 1
    /// (latest event before <paramref name="idleBefore"/>, UTC ticks: abandoned) or 0, so the answer stays small.
    /// </summary>
    [ReadOnly]
    [Alias("details-idle")]
    Task<DetailState[]> GetDetails(HourRange[] ranges, MetricSet metrics, long idleBefore);

    /// <summary>Conversations started and agents' status time in the range, by local weekday × hour (the heatmap's cells).</summary>
    [ReadOnly]
    [Alias("week-hours")]
    Task<WeekHourTotals> GetWeekHours(HourRange range);

    /// <summary>The highest event-log position the counters include (0 for none).</summary>
    [ReadOnly]
    [Alias("position")]
    Task<long> GetPosition();

    /// <summary>The time zone the buckets are in (null before the first batch).</summary>
    [ReadOnly]
    [Alias("time-zone")]
    Task<string?> GetTimeZone();

    /// <summary>
    /// Drops every bucket and starts again at position 0 in <paramref name="timeZoneId"/>: the tenant's zone changed and
    /// its log is replayed into the new zone's hours. Stored at once, so a restart half way replays from the start too.
    /// </summary>
    [Alias("reset")]
    Task Reset(string timeZoneId);

    /// <summary>
    /// Stores the counters with the position they include. Read-only for the counters: queries are answered while a large
    /// snapshot is being written, and changes wait until it is stored.
    /// </summary>
    [ReadOnly]
    [Alias("save")]
    Task SaveSnapshot();
}
