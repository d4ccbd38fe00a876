using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace ContactOS.Silo.Hosting;

/// <summary>
/// The Orleans Dashboard on a silo, with its counters read every second as the dashboard does, but without the few of
/// Orleans' instruments whose every reading visits each activation of the silo (<see cref="PerActivationInstruments"/>).
/// </summary>
/// <remarks>
/// The dashboard's own host (Orleans.Dashboard 10.4.2) reads every instrument of Orleans' meter once a second. Two of
/// them are gauges that walk the silo's activations (and its directory cache) on every reading: with a million
/// conversation grains that is about 90 ms of CPU a second, and measured with the query benchmark it was what pushed the
/// API's 99th percentiles from under 3 ms to 5-8 ms. The dashboard has no setting for it, so this replaces its host's
/// meter reader with one that leaves those instruments out; the dashboard's other parts (grains, methods, silos,
/// reminders, logs) are as the package makes them. The silo's <c>/metrics</c> leaves them out too. The two readings are
/// a request count summed over activations and the directory cache's size; the activation counts stay.
/// </remarks>
internal sealed class OrleansDashboardCounters(BaseExporter<Metric> exporter) : IHostedService, IDisposable
{
    /// <summary>Orleans' meter, whose instruments the dashboard shows.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' observable instruments whose reading costs a walk over every activation or cache entry.</summary>
    public static readonly IReadOnlySet<string> PerActivationInstruments = new HashSet<string>(StringComparer.Ordinal)
    {
        "orleans-messaging-processing-activation-data",
        "orleans-directory-cache-size",
    };

    private const int ReadIntervalMilliseconds = 1_000;

    /// <summary>An OpenTelemetry view that drops <see cref="PerActivationInstruments"/> and leaves the rest as they are.</summary>
    public static MetricStreamConfiguration? WithoutPerActivationInstruments(Instrument instrument) =>
        PerActivationInstruments.Contains(instrument.Name) ? MetricStreamConfiguration.Drop : null;

    private MeterProvider? _provider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _provider ??= Sdk.CreateMeterProviderBuilder()
            .AddMeter(OrleansMeter)
            .AddView(WithoutPerActivationInstruments)
            .AddReader(new PeriodicExportingMetricReader(exporter, ReadIntervalMilliseconds, ReadIntervalMilliseconds))
            .Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _provider?.Dispose();
}

internal static class OrleansDashboardSiloExtensions
{
    /// <summary>
    /// Adds the Orleans Dashboard's silo part (<see cref="Orleans.Dashboard.ServiceCollectionExtensions.AddDashboard(ISiloBuilder, Action{DashboardOptions}?)"/>)
    /// with <see cref="OrleansDashboardCounters"/> in place of its host's meter reader. Stops start-up with what to do
    /// if a new version of the package no longer has the parts this relies on, rather than run the costly reader.
    /// </summary>
    public static ISiloBuilder AddDashboardWithoutPerActivationCounters(this ISiloBuilder silo)
    {
        var services = silo.Services;
        var first = services.Count;
        silo.AddDashboard();
        var added = Enumerable.Range(first, services.Count - first).Select(i => (Index: i, Descriptor: services[i])).ToList();
        var hostType = added.Select(a => a.Descriptor.ServiceType).FirstOrDefault(t => t.FullName == "Orleans.Dashboard.DashboardHost");
        var exporterType = added.Select(a => a.Descriptor.ServiceType).FirstOrDefault(t => typeof(BaseExporter<Metric>).IsAssignableFrom(t));
        if (hostType is null || exporterType is null)
        {
            throw new InvalidOperationException(
                "The Orleans Dashboard package no longer registers the host and metric exporter this version expects " +
                "(Orleans.Dashboard.DashboardHost, a BaseExporter<Metric>): review OrleansDashboardCounters for the new package version.");
        }

        services.AddSingleton(provider => new OrleansDashboardCounters((BaseExporter<Metric>)provider.GetRequiredService(exporterType)));
        var replaced = 0;
        foreach (var (index, descriptor) in added)
        {
            // The dashboard starts its host as a hosted service (and may also hook it into the silo's lifecycle): each
            // registration that hands out the host now hands out the counters instead, or nothing for the lifecycle.
            if (descriptor.ServiceType == typeof(IHostedService) && (descriptor.ImplementationType == hostType || descriptor.ImplementationFactory is not null))
            {
                var made = descriptor.ImplementationFactory;
                services[index] = ServiceDescriptor.Singleton<IHostedService>(provider =>
                {
                    var service = made is null ? null : made(provider);
                    return service is null || service.GetType() == hostType
                        ? provider.GetRequiredService<OrleansDashboardCounters>()
                        : (IHostedService)service;
                });
                replaced++;
            }
            else if (descriptor.ServiceType == typeof(ILifecycleParticipant<ISiloLifecycle>) && descriptor.ImplementationFactory is { } factory)
            {
                services[index] = ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>>(provider =>
                {
                    var participant = factory(provider);
                    return participant.GetType() == hostType ? NoLifecycleStages.Instance : (ILifecycleParticipant<ISiloLifecycle>)participant;
                });
            }
        }

        if (replaced == 0)
        {
            throw new InvalidOperationException(
                "The Orleans Dashboard package no longer starts its host as a hosted service: review OrleansDashboardCounters for the new package version.");
        }

        return silo;
    }

    private sealed class NoLifecycleStages : ILifecycleParticipant<ISiloLifecycle>
    {
        public static readonly NoLifecycleStages Instance = new();

        public void Participate(ISiloLifecycle lifecycle)
        {
        }
    }
}
