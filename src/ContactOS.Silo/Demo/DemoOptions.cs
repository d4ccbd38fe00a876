namespace ContactOS.Silo.Demo;

/// <summary>
/// The <c>Demo</c> section. With demo mode on (<c>Demo:Enabled</c>), a fresh start must show a live dashboard at
/// once: the silo gives three demo tenants a history and then plays live traffic into them, through the same
/// ingestion path as <c>POST /api/v2/events</c>.
/// </summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>
    /// Whether the silo feeds the demo tenants itself. On by default in demo mode; tests and benchmarks turn it off
    /// so that only their own events count.
    /// </summary>
    public bool Traffic { get; set; } = true;

    /// <summary>Live events per second over the three demo tenants; enough to see every KPI move within seconds.</summary>
    public double EventsPerSecond { get; set; } = 8;

    /// <summary>How many days of history a demo tenant gets on its first start, so that 7d, 30d and 90d have figures.</summary>
    public int HistoryDays { get; set; } = 60;

    /// <summary>Conversations of history per demo tenant: realistic charts while start-up stays a few seconds.</summary>
    public int HistoryConversations { get; set; } = 1_500;
}
