namespace ContactOS.Silo.Hosting;

/// <summary>What this process is in the cluster: its role, and whether it shares its database with other processes.</summary>
internal sealed record ProcessRole(ClusterRole Role, bool InCluster)
{
    public bool HostsSilo => Role != ClusterRole.Front;
}
