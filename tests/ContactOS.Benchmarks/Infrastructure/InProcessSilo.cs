using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Runtime;

namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>
/// An Orleans silo in this process, as the product co-hosts one: localhost clustering on a free silo port, no gateway,
/// callers in this process using its grain factory directly. A second silo may join the first one's cluster, so that a
/// call crosses from one silo to the other over Orleans' own connection. Warnings and errors go to stderr, which keeps
/// stdout for the suites' tables and JSON lines.
/// </summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's address in the cluster.</summary>
    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Starts a silo of a new cluster, or one that joins the cluster of <paramref name="joining"/>.</summary>
    public static async Task<InProcessSilo> StartAsync(Action<ISiloBuilder> configure, InProcessSilo? joining = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreeLoopbackPort(), gatewayPort: 0, primarySiloEndpoint: joining?.Address.Endpoint);
            configure(silo);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return new InProcessSilo(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Activations in the silo, the runtime's own included.</summary>
    public Task<int> ActivationCountAsync() => Grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
