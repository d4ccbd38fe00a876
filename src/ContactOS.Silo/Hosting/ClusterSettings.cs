using Orleans.Configuration;

namespace ContactOS.Silo.Hosting;

/// <summary>
/// Section "Cluster": the process's role and the cluster it belongs to. On SQLite there is one process (role
/// <c>both</c>, localhost clustering); on PostgreSQL every process finds the others in the database (Orleans' ADO.NET
/// clustering), whatever their number.
/// </summary>
internal sealed class ClusterSettings
{
    public const string SectionName = "Cluster";

    /// <summary><c>both</c> (default), <c>front</c> or <c>worker</c>, case-insensitive.</summary>
    public string Role { get; set; } = "both";

    /// <summary>The cluster's name: processes with the same database and id form one cluster. Default <c>contactos</c>.</summary>
    public string Id { get; set; } = "contactos";

    /// <summary>
    /// Membership and liveness (Orleans' <see cref="ClusterMembershipOptions"/>, e.g. <c>Cluster:Membership:ProbeTimeout</c>).
    /// The defaults declare a silo that stopped answering dead within about 10 s, which bounds failover.
    /// </summary>
    public static void ApplyDefaults(ClusterMembershipOptions membership)
    {
        membership.ProbeTimeout = TimeSpan.FromSeconds(2);
        membership.NumMissedProbesLimit = 2;
        membership.NumVotesForDeathDeclaration = 1;
        membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        membership.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        membership.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }

    public ClusterRole ParsedRole => Enum.TryParse<ClusterRole>(Role, ignoreCase: true, out var role) && Enum.IsDefined(role)
        ? role
        : throw new InvalidOperationException($"{SectionName}:Role '{Role}' is not a role.");

    /// <summary>The settings' problems, each naming its setting; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate(bool sharedDatabase, string storageProvider)
    {
        var failures = new List<string>();
        if (!Enum.TryParse<ClusterRole>(Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(Role, out _))
        {
            failures.Add($"{SectionName}:Role is '{Role}'; it must be 'both' (the default), 'front' or 'worker'.");
        }
        else if (role != ClusterRole.Both && !sharedDatabase)
        {
            failures.Add(
                $"{SectionName}:Role is '{Role}' but Storage:Provider is '{storageProvider}': a cluster of processes needs a database " +
                "they all share. Set Storage:Provider to 'postgres' with Storage:ConnectionString, or leave Cluster:Role at 'both' " +
                "to run one process on SQLite.");
        }

        if (string.IsNullOrWhiteSpace(Id))
        {
            failures.Add($"{SectionName}:Id must not be empty.");
        }

        return failures;
    }
}
