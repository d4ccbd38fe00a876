namespace ContactOS.Silo.Ingestion;

/// <summary>The <c>Ingestion</c> section: what <c>POST /api/v2/events</c> accepts beyond the event contract itself.</summary>
internal sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>
    /// How far ahead of this server's clock an event time may be: senders' clocks drift a little, but an event cannot
    /// have happened in the future. Later events are rejected items; the batch's other events are taken.
    /// </summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
