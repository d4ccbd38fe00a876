using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Placement;
using static ContactOS.Cluster.Tests.Membership.Members;
using static ContactOS.Cluster.Tests.Processes.ClusterNode;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>Where the cluster places tenants, computed as every silo computes it, to choose tenants before the silos start.</summary>
internal static class ExpectedPlacement
{
    /// <summary>
    /// Each tenant's owner (a cluster address) while <paramref name="front"/> and <paramref name="workers"/> (silo numbers of
    /// <see cref="ClusterNode.Address"/>) are the active silos.
    /// </summary>
    public static Dictionary<string, string> Owners(IEnumerable<string> tenants, int front, params int[] workers)
    {
        var view = new ClusterView();
        view.Publish(Snapshot(1, [
            Active(Address(front), roles: SiloRoles.Front),
            .. workers.Select(worker => Active(Address(worker), roles: SiloRoles.Worker)),
        ]));
        var placement = new RendezvousPlacementDirector(view, Address(front));
        return tenants.ToDictionary(t => t, t => placement.OwnerOf(t)!.Address, StringComparer.Ordinal);
    }
}
