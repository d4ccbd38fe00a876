namespace ContactOS.Runtime.Membership;

/// <summary>
/// Settings of cluster membership (configuration section "Cluster"). Membership is off unless
/// <see cref="Enabled"/> is true: one silo on SQLite or PostgreSQL runs exactly as it always did.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>
    /// Exit code of a silo process that stopped because the cluster declared it dead: distinct from a crash (1),
    /// bad settings (2) and an unreachable database (3), so a supervisor can tell it should simply restart it.
    /// </summary>
    public const int EvictedExitCode = 4;

    /// <summary>Joins the membership in the PostgreSQL database (required for more than one silo). Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// This silo's address in the cluster, <c>host:port</c>, unique per silo: its identity in the membership and,
    /// once silos call each other, where the others reach it. Required when <see cref="Enabled"/>.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>
    /// The secret every silo of the cluster shares, which authenticates calls between silos: a silo answers only calls
    /// that prove they know it. Required when <see cref="Enabled"/>; the silo host defaults it to
    /// <c>Auth:Jwt:SigningKey</c>, which every silo of a cluster shares already.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary><c>front</c>, <c>worker</c> or <c>both</c> (default). Only workers own grains.</summary>
    public SiloRoles Roles { get; set; } = SiloRoles.Both;

    /// <summary>How often the silo writes its heartbeat and reads the membership. Default: 2 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A silo whose last heartbeat is older than this is declared dead by the others. Default: 10 s. At least two
    /// heartbeat intervals, so one slow heartbeat does not kill a healthy silo.
    /// </summary>
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
