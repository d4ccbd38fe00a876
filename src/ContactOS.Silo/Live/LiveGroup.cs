namespace ContactOS.Silo.Live;

/// <summary>The connections of one tenant that watch one period, and what they were last sent.</summary>
internal sealed class LiveGroup(string tenantId, string period)
{
    public string Period { get; } = period;

    /// <summary>
    /// The SignalR group of these connections. Made from the token's tenant and a validated period only, so no client
    /// input can name another tenant's group (tenant ids cannot contain ':').
    /// </summary>
    public string Name { get; } = $"live:{tenantId}:{period}";

    /// <summary>How many connections watch the period. Changed under <see cref="LiveWatchers"/>' lock.</summary>
    public int Watchers { get; set; }

    /// <summary>The last update sent to the group (not snapshots), to skip updates that change nothing. Under the tenant's gate.</summary>
    public LiveUpdate? LastSent { get; set; }
}
