namespace ContactOS.Runtime.Membership;

/// <summary>
/// This silo's current view of the cluster, refreshed every heartbeat. Placement computes owners from it; every
/// silo with the same <see cref="MembershipSnapshot.Version"/> computes the same owners.
/// </summary>
public interface IClusterView
{
    /// <summary>The membership as last read (version 0 and no rows before the silo joined).</summary>
    MembershipSnapshot Current { get; }

    /// <summary>This silo's row with its epoch once joined; null before, and when membership is off.</summary>
    ClusterMember? Local { get; }

    /// <summary>
    /// True once this silo found itself declared dead (or replaced): it no longer activates grains, readiness
    /// fails and the process exits with code 4.
    /// </summary>
    bool IsEvicted { get; }

    /// <summary>Raised after <see cref="Current"/> moved to a new version, and when this silo is evicted.</summary>
    event EventHandler<ClusterViewChangedEventArgs>? Changed;
}
