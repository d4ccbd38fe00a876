namespace ContactOS.Runtime.Membership;

/// <summary>
/// A membership row's status. A row is only ever <see cref="Active"/> first, then <see cref="Left"/> or
/// <see cref="Dead"/>; a silo that starts again on the same address replaces the row with a new epoch.
/// </summary>
public enum MemberStatus
{
    /// <summary>Joined and heartbeating; counted by placement.</summary>
    Active,

    /// <summary>Shut down gracefully: it said so itself before it stopped.</summary>
    Left,

    /// <summary>Declared dead by another silo after missing heartbeats for longer than <c>Cluster:DeathTimeout</c>.</summary>
    Dead,
}
