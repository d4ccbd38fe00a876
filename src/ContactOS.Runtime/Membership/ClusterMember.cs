namespace ContactOS.Runtime.Membership;

/// <summary>
/// One silo's membership row. Times are the database server's clock, so silos on machines whose clocks disagree
/// still agree on how old a heartbeat is.
/// </summary>
/// <param name="Address">Identity of the silo in the cluster (<c>Cluster:Address</c>, host:port); one row per address.</param>
/// <param name="Name">The silo's name (<c>Silo:Name</c>), for operators.</param>
/// <param name="Roles">What the silo does; only workers own grains.</param>
/// <param name="Status">Active, left or dead.</param>
/// <param name="Epoch">
/// The membership version at which this incarnation joined: unique and increasing, so a write stamped with an
/// epoch that is no longer active can be refused.
/// </param>
/// <param name="StartedAt">When this incarnation joined.</param>
/// <param name="HeartbeatAt">The last heartbeat this incarnation wrote.</param>
public sealed record ClusterMember(
    string Address,
    string Name,
    SiloRoles Roles,
    MemberStatus Status,
    long Epoch,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt)
{
    /// <summary>True when the silo is active and hosts grains, so placement may give it some.</summary>
    public bool OwnsGrains => Status == MemberStatus.Active && Roles.HasFlag(SiloRoles.Worker);

    public override string ToString() => $"{Address} ({Name}, {Roles.ToString().ToLowerInvariant()}, {Status.ToString().ToLowerInvariant()}, epoch {Epoch})";
}
