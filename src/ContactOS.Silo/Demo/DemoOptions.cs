namespace ContactOS.Silo.Demo;

/// <summary>
/// The <c>Demo</c> section. With demo mode on (<c>Demo:Enabled</c>), a fresh start must show a live dashboard at
/// once: the silo gives three demo tenants a history and then plays live traffic into them, through the same
/// ingestion path as <c>POST /api/v2/events</c>. History and live traffic follow one model per tenant, so the live
/// figures continue the history at the same rate.
/// </summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>
    /// Whether the silo feeds the demo tenants itself. On by default in demo mode; tests and benchmarks turn it off
    /// so that only their own events count.
    /// </summary>
    public bool Traffic { get; set; } = true;

    /// <summary>
    /// Conversations on a weekday of the largest demo tenant (the others are smaller), in history and live alike.
    /// Weekends are quieter, nights quiet. Sized so that the first start seeds the history in seconds.
    /// </summary>
    public double ConversationsPerDay { get; set; } = 150;

    /// <summary>
    /// How many days of history a demo tenant gets on its first start: 182 (26 whole weeks) gives 90d a full
    /// previous period.
    /// </summary>
    public int HistoryDays { get; set; } = 182;
}
