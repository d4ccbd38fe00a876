using ContactOS.Grains.Agents;
using ContactOS.Grains.Conversations;
using ContactOS.Grains.Ingestion;
using ContactOS.Storage.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// The domain grains in a real Orleans silo (<see cref="InProcessTestCluster"/>), over an event log in memory and their
/// snapshots in the product's grain storage on a SQLite database. Starting one over an existing database and log is a
/// restart: each tenant catches up from its snapshots and the log.
/// </summary>
internal sealed class PipelineCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private PipelineCluster(InProcessTestCluster cluster) => _cluster = cluster;

    public IGrainFactory Grains => _cluster.Client;

    public static async Task<PipelineCluster> StartAsync(IEventHistory log, string dataDirectory, IReadOnlyDictionary<string, string> zones)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            var storage = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Provider"] = "sqlite",
                ["DataDirectory"] = dataDirectory,
            }).Build();
            silo.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            silo.Services.AddContactOSStorage(storage);
            silo.Services.AddContactOSGrainStorage(GrainStorageNames.Snapshots);
            silo.Services.AddSingleton(log);
            silo.Services.AddSingleton<ITenantTimeZones>(new FixedTimeZones(zones));
            silo.Services.AddContactOSGrains();
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

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
