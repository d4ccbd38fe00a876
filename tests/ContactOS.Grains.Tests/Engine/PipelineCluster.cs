using ContactOS.Grains.Agents;
using ContactOS.Grains.Conversations;
using ContactOS.Grains.Ingestion;
using ContactOS.Storage.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.TestingHost;
using ContactOS.Testing;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// The domain grains in real Orleans silos (<see cref="InProcessTestCluster"/>), over an event log in memory and their
/// snapshots in the product's grain storage on a SQLite or PostgreSQL database. Starting one over an existing database and log is a
/// restart: each tenant catches up from its snapshots and the log.
/// </summary>
internal sealed class PipelineCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private PipelineCluster(InProcessTestCluster cluster) => _cluster = cluster;

    public IGrainFactory Grains => _cluster.Client;

    /// <param name="configure">Changes to each silo's services after the product's (a test's decorator).</param>
    public static Task<PipelineCluster> StartAsync(
        IEventHistory log, string dataDirectory, IReadOnlyDictionary<string, string> zones, Action<IServiceCollection>? configure = null) =>
        StartAsync(log, new Dictionary<string, string?> { ["Provider"] = "sqlite", ["DataDirectory"] = dataDirectory }, zones, silos: 1, configure);

    /// <summary>
    /// Silos sharing one database (<paramref name="storage"/>: the <c>Storage</c> settings); more than one needs
    /// PostgreSQL, as a cluster of processes does.
    /// </summary>
    public static async Task<PipelineCluster> StartAsync(
        IEventHistory log, IReadOnlyDictionary<string, string?> storage, IReadOnlyDictionary<string, string> zones, short silos,
        Action<IServiceCollection>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            silo.Services.AddContactOSStorage(new ConfigurationBuilder().AddInMemoryCollection(storage).Build());
            silo.Services.AddContactOSGrainStorage(GrainStorageNames.Snapshots);
            silo.Services.AddSingleton(log);
            silo.Services.AddSingleton<ITenantTimeZones>(new FixedTimeZones(zones));
            silo.Services.AddContactOSGrains();
            configure?.Invoke(silo.Services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new PipelineCluster(cluster);
    }

    public ITenantPipelineGrain Pipeline(string tenantId) => Grains.GetGrain<ITenantPipelineGrain>(tenantId);

    /// <summary>How many conversation and agent grains are active.</summary>
    public async Task<int> ActivationCountAsync()
    {
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics
            .Where(s => s.GrainType.StartsWith(typeof(ConversationGrain).FullName!, StringComparison.Ordinal)
                || s.GrainType.StartsWith(typeof(AgentGrain).FullName!, StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
    }

    /// <summary>Deactivates every activation that is idle now, as idle collection does after its age limit.</summary>
    public Task CollectIdleAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>The silo dies: nothing more is written, not even the snapshots a graceful stop stores.</summary>
    public async Task KillAsync()
    {
        foreach (var silo in _cluster.Silos.ToList())
        {
            await _cluster.KillSiloAsync(silo);
        }
    }

    /// <summary>
    /// Moves the grain to another silo the way Orleans does when it rebalances or a silo leaves: the activation is
    /// dehydrated with its persistent state and rehydrated there.
    /// </summary>
    public async Task MigrateAsync(IAddressable grain)
    {
        var here = (await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain))
            ?? throw new InvalidOperationException($"{grain} is not active.");
        var there = _cluster.Silos.Select(silo => silo.SiloAddress).First(address => !address.Equals(here));
        await _cluster.MigrateAsync(grain, there);
        await Eventually.TrueAsync(async () => (await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain))?.Equals(there) == true,
            $"{grain} active on {there}");
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
