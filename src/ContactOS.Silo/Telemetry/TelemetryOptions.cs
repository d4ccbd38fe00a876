namespace ContactOS.Silo.Telemetry;

/// <summary>
/// Configuration section <c>Telemetry</c>. Traces and metrics also follow the standard OpenTelemetry environment
/// variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>...).
/// </summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Section <c>Telemetry:Metrics</c>: who may scrape <c>/metrics</c>.</summary>
    public MetricsScrapeOptions Metrics { get; set; } = new();
}
