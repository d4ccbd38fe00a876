using ContactOS.Benchmarks.Runtime;
using ContactOS.Runtime;
using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Placement;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// A silo in this process with cluster membership on PostgreSQL and the bench grain, to time one grain call with
/// nothing else around it: to a grain it owns, and to a grain another such silo owns (over the silos' HTTP/2 link).
/// </summary>
internal sealed class InProcessClusterSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessClusterSilo(IHost host, string address)
    {
        _host = host;
        Address = address;
    }

    public string Address { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IClusterView View => _host.Services.GetRequiredService<IClusterView>();

    public RendezvousPlacementDirector Placement => _host.Services.GetRequiredService<RendezvousPlacementDirector>();

    public static async Task<InProcessClusterSilo> StartAsync(string connectionString, string name, string address)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Silo:Name"] = name,
            ["Cluster:Enabled"] = "true",
            ["Cluster:Address"] = address,
            ["Cluster:Secret"] = "cluster-benchmark-secret",
            ["Cluster:HeartbeatInterval"] = "00:00:00.500",
            ["Cluster:DeathTimeout"] = "00:00:05",
        }).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddContactOSStorage(configuration.GetSection("Storage"));
        builder.Services.AddGrainRuntime(configuration.GetSection("Silo"), options => options.GrainAssemblies.Add(typeof(BenchGrain).Assembly));
        builder.Services.AddContactOSMembership(configuration.GetSection("Cluster"));
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessClusterSilo(host, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
