using System.Net;
using System.Net.Sockets;
using ContactOS.Grains;
using ContactOS.Grains.Ingestion;
using ContactOS.Storage.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ContactOS.Silo.Hosting;

internal static class OrleansHostingExtensions
{
    private const string ServiceId = "contactos";

    /// <summary>
    /// Co-hosts an Orleans silo in this process: one silo with localhost clustering (nothing else to run), the grains'
    /// snapshots in the product's database (<see cref="GrainStorageNames.Snapshots"/>). Invalid <c>Silo</c> settings stop
    /// start-up with a message naming each setting.
    /// </summary>
    public static WebApplicationBuilder AddContactOSOrleans(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiloHostOptions.SectionName).Get<SiloHostOptions>() ?? new SiloHostOptions();
        if (options.Validate() is { Count: > 0 } failures)
        {
            throw new OptionsValidationException(SiloHostOptions.SectionName, typeof(SiloHostOptions), failures);
        }

        builder.Services.AddSingleton(Options.Create(options));
        builder.UseOrleans(silo =>
        {
            var port = options.Port == 0 ? FreeLoopbackPort() : options.Port;
            // No gateway: the front in this process calls its own silo directly.
            silo.UseLocalhostClustering(siloPort: port, gatewayPort: 0, serviceId: ServiceId, clusterId: ServiceId);
            silo.Configure<SiloOptions>(silo => silo.SiloName = options.Name ?? Environment.MachineName);
            silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = options.ResponseTimeout);
            silo.Services.AddContactOSGrainStorage(GrainStorageNames.Snapshots);

            // Live updates: each tenant's changes on a memory stream (the event log is durable and a dashboard gets full
            // figures on every connect, so a lost notification costs nothing); subscriptions are stored durably.
            silo.AddMemoryStreams(LiveStreams.ProviderName, streams => streams.ConfigurePullingAgent(agent => agent.Configure(
                pulling => pulling.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(10))));
            silo.Services.AddContactOSGrainStorage(LiveStreams.SubscriptionStorageName);
        });
        return builder;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
