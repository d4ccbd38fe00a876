namespace ContactOS.Runtime.Membership;

/// <summary>
/// The membership state machine as pure functions of a snapshot: who may join, who is overdue, how a silo
/// leaves. Every silo applies the same rules to the same table, and the table's version makes each resulting
/// write all-or-nothing, so the silos never need to talk to each other to agree.
/// </summary>
public static class MembershipRules
{
    /// <summary>
    /// The active row holding <paramref name="address"/> whose heartbeat is still fresh, i.e. another live silo
    /// with the same address; null when the address is free (no row, a left or dead row, or an overdue one).
    /// </summary>
    public static ClusterMember? FindLiveHolder(MembershipSnapshot snapshot, string address, TimeSpan deathTimeout) =>
        snapshot.Find(address) is { Status: MemberStatus.Active } holder && !IsOverdue(snapshot, holder, deathTimeout)
            ? holder
            : null;

    /// <summary>
    /// The row a silo writes to join: active, with the next membership version as its epoch, started and
    /// heartbeating now. It replaces a left or dead row of the same address, or an active one that is overdue
    /// (the previous incarnation crashed and nobody declared it dead yet).
    /// </summary>
    /// <exception cref="InvalidOperationException">A live silo holds the address (see <see cref="FindLiveHolder"/>).</exception>
    public static MemberUpdate Join(MembershipSnapshot snapshot, string address, string name, SiloRoles roles, TimeSpan deathTimeout)
    {
        if (FindLiveHolder(snapshot, address, deathTimeout) is { } holder)
        {
            throw new InvalidOperationException($"Address {address} is held by the live silo {holder}.");
        }

        var joined = new ClusterMember(address, name, roles, MemberStatus.Active, snapshot.Version + 1, snapshot.ReadAt, snapshot.ReadAt);
        return new MemberUpdate(snapshot.Find(address), joined);
    }

    /// <summary>
    /// Active silos other than <paramref name="self"/> whose last heartbeat is older than
    /// <paramref name="deathTimeout"/>, each with its row changed to dead.
    /// </summary>
    public static IReadOnlyList<MemberUpdate> DeclareOverdueDead(MembershipSnapshot snapshot, string self, TimeSpan deathTimeout) =>
        snapshot.Active
            .Where(member => member.Address != self && IsOverdue(snapshot, member, deathTimeout))
            .Select(member => new MemberUpdate(member, member with { Status = MemberStatus.Dead }))
            .ToList();

    /// <summary>
    /// The row change of a graceful shutdown; null when <paramref name="self"/>'s incarnation is no longer active
    /// (already declared dead or replaced), because a silo may only retire itself.
    /// </summary>
    public static MemberUpdate? Leave(MembershipSnapshot snapshot, ClusterMember self) =>
        snapshot.Find(self.Address) is { Status: MemberStatus.Active } row && row.Epoch == self.Epoch
            ? new MemberUpdate(row, row with { Status = MemberStatus.Left })
            : null;

    /// <summary>
    /// True when <paramref name="self"/>'s incarnation is no longer active in <paramref name="snapshot"/>: its row
    /// was declared dead, replaced by a newer epoch, or removed. Such a silo must stop serving grains.
    /// </summary>
    public static bool IsEvicted(MembershipSnapshot snapshot, ClusterMember self) =>
        snapshot.Find(self.Address) is not { Status: MemberStatus.Active } row || row.Epoch != self.Epoch;

    private static bool IsOverdue(MembershipSnapshot snapshot, ClusterMember member, TimeSpan deathTimeout) =>
        snapshot.HeartbeatAge(member) > deathTimeout;
}
