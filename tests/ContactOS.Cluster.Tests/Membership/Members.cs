using ContactOS.Runtime.Membership;

namespace ContactOS.Cluster.Tests.Membership;

/// <summary>Membership rows and snapshots for tests, on a fixed database clock.</summary>
internal static class Members
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan DeathTimeout = TimeSpan.FromSeconds(10);

    public static ClusterMember Active(string address, long epoch = 1, TimeSpan? heartbeatAge = null, SiloRoles roles = SiloRoles.Both) =>
        new(address, $"silo-{address}", roles, MemberStatus.Active, epoch, Now.AddMinutes(-5), Now - (heartbeatAge ?? TimeSpan.FromSeconds(1)));

    public static MembershipSnapshot Snapshot(long version, params ClusterMember[] members) =>
        new(version, Now, [.. members.OrderBy(member => member.Address, StringComparer.Ordinal)]);
}
