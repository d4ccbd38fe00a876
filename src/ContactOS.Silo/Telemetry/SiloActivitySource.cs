using System.Diagnostics;

namespace ContactOS.Silo.Telemetry;

/// <summary>
/// The silo's own trace spans: one per ingested batch with its log append and pipeline apply as children, so a trace
/// shows where a slow request spent its time. Spans are per batch, never per event.
/// </summary>
internal static class SiloActivitySource
{
    public const string Name = "ContactOS.Silo";

    public static ActivitySource Instance { get; } = new(Name);
}
