using System.Net;
using System.Net.Sockets;
using ContactOS.Grains;
using ContactOS.Storage.DependencyInjection;
using Orleans.Configuration;

namespace ContactOS.Silo.Hosting;

internal static class OrleansHostingExtensions
{
    private const string ServiceId = "contactos";

    /// <summary>
    /// Co-hosts an Orleans silo in this process: one silo with localhost clustering (nothing else to run), the grains'
    /// snapshots in the product's database (<see cref="GrainStorageNames.Snapshots"/>).
    /// </summary>
    public static WebApplicationBuilder AddContactOSOrleans(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrleansOptions.SectionName).Get<OrleansOptions>() ?? new OrleansOptions();
        builder.UseOrleans(silo =>
        {
            var siloPort = options.SiloPort == 0 ? FreeLoopbackPort() : options.SiloPort;
            // No gateway: the front in this process calls its own silo directly.
            silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: 0, serviceId: ServiceId, clusterId: ServiceId);
            silo.Configure<SiloOptions>(silo => silo.SiloName = options.SiloName ?? Environment.MachineName);
            silo.Services.AddContactOSGrainStorage(GrainStorageNames.Snapshots);
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
