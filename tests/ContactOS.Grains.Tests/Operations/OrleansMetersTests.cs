using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ContactOS.Grains.Ingestion;
using ContactOS.Grains.Tests.Engine;
using ContactOS.Simulation;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Grains.Tests.Operations;

/// <summary>
/// Operators read Orleans' own meters (activations, messages, grain calls) through System.Diagnostics.Metrics, with any
/// listener or exporter (OpenTelemetry, dotnet-counters): the product's grains show up in them.
/// </summary>
public sealed class OrleansMetersTests(SimulatedTraffic traffic) : IClassFixture<SimulatedTraffic>
{
    [Fact]
    public async Task Orleans_meters_report_the_grains_at_work()
    {
        var measured = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal))
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();

        using var data = new SqliteTestDirectory();
        var log = new MemoryEventLog(SimulatedTraffic.Score);
        await using var cluster = await PipelineCluster.StartAsync(log, data.Path, SimulatedTraffic.ZoneIds);
        await EventLogReplay.DeliverAsync(cluster, log, traffic.Events.Take(5_000));
        listener.RecordObservableInstruments();

        Assert.Contains(measured, m => m.Key.Contains("activation", StringComparison.OrdinalIgnoreCase) && m.Value > 0);
        Assert.Contains(measured, m => m.Key.Contains("message", StringComparison.OrdinalIgnoreCase) && m.Value > 0);
    }
}
