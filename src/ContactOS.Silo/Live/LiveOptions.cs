namespace ContactOS.Silo.Live;

/// <summary>
/// The <c>Live</c> section: how often dashboards get pushed updates and how long a client may leave a push unread.
/// The interval trades freshness for work: a busy tenant costs one KPI query per watched period per interval,
/// whatever its event rate.
/// </summary>
internal sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>Shortest time between two pushes to the same tenant; changes within it are merged into one update.</summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long one write to a client's socket may take before the connection is closed: a client that stops
    /// reading is dropped (and resynchronises with a snapshot when it reconnects) instead of holding buffers.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
