namespace ContactOS.Storage.EventLog;

/// <summary>
/// The durable event log, source of truth of the product: an event is acknowledged only once appended here, and grain
/// state is rebuilt by replaying it. Positions are unique and increase in commit order: once a reader has seen position
/// p, no event with a smaller position can appear later. They are not consecutive (gaps are normal).
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// Appends <paramref name="events"/> in one transaction, all or nothing, and returns once they are durable
    /// (committed). Results are in the order of <paramref name="events"/>. An event whose tenant and id are already
    /// stored, or appear earlier in <paramref name="events"/>, is not stored again and is reported as a duplicate.
    /// Throws <see cref="StorageUnavailableException"/> when the database cannot be used; nothing is then
    /// acknowledged, and appending the same events again is safe.
    /// </summary>
    Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken);

    /// <summary>Events with a position above <paramref name="afterPosition"/>, in position order, at most <paramref name="max"/> (replay, catch-up).</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(long afterPosition, int max, CancellationToken cancellationToken);

    /// <summary>As <see cref="ReadAsync"/>, for one tenant's events only.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadTenantAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken);

    /// <summary>
    /// A tenant's events with one of <paramref name="routingKeys"/> and a position below <paramref name="beforePosition"/>,
    /// in position order: the history a grain reloads when it is activated again.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadRoutingKeysAsync(
        string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken);

    /// <summary>
    /// How many of a tenant's events have positions in (<paramref name="afterPosition"/>, <paramref name="throughPosition"/>]:
    /// whether the events a reader was handed are all of the tenant's in that range.
    /// </summary>
    Task<int> CountTenantAsync(string tenantId, long afterPosition, long throughPosition, CancellationToken cancellationToken);

    /// <summary>The highest position stored, or 0 when the log is empty.</summary>
    Task<long> GetLastPositionAsync(CancellationToken cancellationToken);
}
