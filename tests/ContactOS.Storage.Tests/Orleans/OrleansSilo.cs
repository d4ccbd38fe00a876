using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace ContactOS.Storage.Tests.Orleans;

/// <summary>
/// A real Orleans silo in this process (generic host with UseOrleans), without the host's default configuration
/// sources and logging. Stopping is graceful: the silo leaves the cluster as it would in production.
/// </summary>
internal sealed class OrleansSilo : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);

    private readonly IHost _host;
    private bool _stopped;

    private OrleansSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>This silo's own view of the cluster.</summary>
    public ClusterMembershipSnapshot Membership => Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;

    public static async Task<OrleansSilo> StartAsync(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<ReminderFireLog>();
        builder.UseOrleans(configure);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new OrleansSilo(host);
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(s_stopTimeout);
        await _host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
