namespace ContactOS.Silo.Live;

/// <summary>
/// One tenant's live connections on this silo. <see cref="Gate"/> orders the snapshots and updates sent for the
/// tenant: a figure read later is never sent before one read earlier, so each client's last message is the newest.
/// </summary>
internal sealed class LiveTenant(string tenantId)
{
    public string TenantId { get; } = tenantId;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Open connections of the tenant, watching or not. Changed under <see cref="LiveWatchers"/>' lock.</summary>
    public int Connections { get; set; }

    /// <summary>The watched periods, by name. Changed under <see cref="LiveWatchers"/>' lock.</summary>
    public Dictionary<string, LiveGroup> Groups { get; } = new(StringComparer.Ordinal);
}
