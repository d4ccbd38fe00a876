using ContactOS.Grains.Ingestion;
using ContactOS.Runtime.Persistence;
using ContactOS.Testing.InMemory;
using ContactOS.Testing.Silos;
using ContactOS.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// A silo with the domain grains and the pipeline over a <see cref="MemoryEventLog"/>. Starting one over an existing
/// state store and log is a restart: recovery replays the log after the stored checkpoint.
/// </summary>
internal static class PipelineSilo
{
    public static Task<TestSilo> StartAsync(
        IEventHistory log, InMemoryGrainStateStore store, IReadOnlyDictionary<string, string> zones, DateTimeOffset now) =>
        TestSilo.StartAsync(new FakeTimeProvider(now), services =>
        {
            services.AddSingleton<IGrainStateStore>(store);
            services.AddSingleton(log);
            services.AddSingleton<ITenantTimeZones>(new FixedTimeZones(zones));
            services.AddContactOSGrains();
        });

    public static TenantEventPipeline Pipeline(this TestSilo silo) => silo.Services.GetRequiredService<TenantEventPipeline>();

    /// <summary>What a running silo's checkpoint service does every interval: snapshot every tenant, store the checkpoint.</summary>
    public static async Task CheckpointAsync(this TestSilo silo)
    {
        var pipeline = silo.Pipeline();
        await pipeline.SnapshotAllAsync(CancellationToken.None);
        await silo.Grains.GetGrain<IRecoveryCheckpointGrain>(RecoveryCheckpointGrain.Key).Set(pipeline.ComputeCheckpoint()!.Value);
    }
}
