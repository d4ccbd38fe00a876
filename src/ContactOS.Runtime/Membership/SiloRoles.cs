namespace ContactOS.Runtime.Membership;

/// <summary>
/// What a silo does in a cluster (<c>Cluster:Roles</c>): a front silo takes API and SignalR traffic, a worker silo
/// hosts grains. Placement only gives grains to workers, so front silos can be scaled for connections alone.
/// </summary>
[Flags]
public enum SiloRoles
{
    /// <summary>Not a valid setting: a silo must do something.</summary>
    None = 0,

    /// <summary>Takes API and SignalR traffic; owns no grains.</summary>
    Front = 1,

    /// <summary>Owns grains.</summary>
    Worker = 2,

    /// <summary>Front and worker: the default, and the only sensible choice for one or two silos.</summary>
    Both = Front | Worker,
}
