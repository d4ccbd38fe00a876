namespace ContactOS.Silo.Telemetry;

/// <summary>Configuration section <c>Telemetry:Metrics</c>.</summary>
internal sealed class MetricsScrapeOptions
{
    /// <summary>
    /// Networks (CIDR, e.g. <c>10.0.0.0/8</c>, <c>fd00::/8</c>, or a single address) whose callers scrape
    /// <c>/metrics</c> without credentials: the scraper's private network. Empty (default): only operators, with a
    /// token carrying the <c>operator</c> role. The metrics cover every tenant of the cluster, so a tenant's admin
    /// role does not grant them.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];
}
