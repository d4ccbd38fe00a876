namespace ContactOS.Silo.Hosting;

/// <summary>What a process of the cluster does (<c>Cluster:Role</c>).</summary>
internal enum ClusterRole
{
    /// <summary>A silo that also serves the API and dashboards: the single process, or a member of a cluster that does both.</summary>
    Both,

    /// <summary>Serves the API and dashboards through the Orleans client; holds no grains.</summary>
    Front,

    /// <summary>A silo that holds grains; serves health endpoints (and the API, for whoever calls it).</summary>
    Worker,
}
