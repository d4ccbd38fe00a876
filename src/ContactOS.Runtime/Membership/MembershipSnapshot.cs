namespace ContactOS.Runtime.Membership;

/// <summary>
/// The membership table as read in one statement: its version, every row (active, left and dead, ordered by
/// address) and the database clock at the time of reading, against which heartbeat ages are measured.
/// </summary>
public sealed record MembershipSnapshot(long Version, DateTimeOffset ReadAt, IReadOnlyList<ClusterMember> Members)
{
    /// <summary>Before the first read: no silo, version 0.</summary>
    public static MembershipSnapshot Empty { get; } = new(0, DateTimeOffset.MinValue, []);

    /// <summary>Active rows, ordered by address.</summary>
    public IEnumerable<ClusterMember> Active => Members.Where(member => member.Status == MemberStatus.Active);

    /// <summary>The row of <paramref name="address"/>, if there is one.</summary>
    public ClusterMember? Find(string address) => Members.FirstOrDefault(member => member.Address == address);

    /// <summary>How long ago, by the database clock, <paramref name="member"/> last wrote its heartbeat.</summary>
    public TimeSpan HeartbeatAge(ClusterMember member) => ReadAt - member.HeartbeatAt;
}
