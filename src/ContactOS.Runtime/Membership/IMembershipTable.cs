namespace ContactOS.Runtime.Membership;

/// <summary>
/// Where the membership lives (PostgreSQL in ContactOS.Storage). Changes of status are compare-and-swap writes on
/// the table's version; heartbeats are not changes and leave the version alone, so silos heartbeating never
/// contend with each other or with a join.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Reads the version, every row and the database clock in one consistent statement.</summary>
    Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="updates"/> atomically if the table is still at <paramref name="expectedVersion"/> and
    /// every row is still exactly as read; then the version is incremented once. Returns the new version, or null
    /// when anything changed since the read (the caller reads again and re-decides).
    /// </summary>
    Task<long?> TryUpdateAsync(long expectedVersion, IReadOnlyList<MemberUpdate> updates, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the heartbeat of <paramref name="address"/> at the database's clock, only while that row is active
    /// at <paramref name="epoch"/>. False when it is not: the silo was declared dead or replaced.
    /// </summary>
    Task<bool> HeartbeatAsync(string address, long epoch, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the rows of silos that left or died and have not written a heartbeat for <paramref name="olderThan"/>
    /// (by the database's clock); returns how many. Active rows are never touched, and no owner changes, so the
    /// version stays.
    /// </summary>
    Task<int> DeleteDefunctAsync(TimeSpan olderThan, CancellationToken cancellationToken);
}
