using ContactOS.Grains.Tenants;
using ContactOS.Testing.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

using static ContactOS.Grains.Tests.Engine.StartedConversations;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// A tenant's counters are stored every snapshot interval, and at a million conversations the write takes a while: the
/// tenant's dashboards must not wait for it.
/// </summary>
public sealed class SnapshotDuringQueriesTests : IDisposable
{
    private const string TenantId = "acme";

    private static readonly DateTimeOffset s_now = new(2026, 4, 2, 9, 17, 0, TimeSpan.Zero);

    private readonly SqliteTestDirectory _data = new();

    [Fact]
    public async Task Queries_are_answered_while_the_counters_snapshot_is_being_written_and_saves_do_not_collide()
    {
        var log = new MemoryEventLog(_ => 0);
        var gate = new WriteGate("aggregator");
        await using var cluster = await PipelineCluster.StartAsync(log, _data.Path, new Dictionary<string, string> { [TenantId] = "UTC" }, services =>
        {
            // The product's storage, with the aggregator's writes held at the gate while it is closed.
            var product = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, GrainStorageNames.Snapshots));
            services.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Snapshots,
                (provider, key) => new GatedStorage((IGrainStorage)product.KeyedImplementationFactory!(provider, key), gate));
        });
        await cluster.Pipeline(TenantId).Apply(new([.. log.Append(TenantId, [Started("c1", s_now), Started("c2", s_now)])]));
        var aggregator = cluster.Grains.GetGrain<ITenantAggregatorGrain>(TenantId);

        gate.Close();
        var save = aggregator.SaveSnapshot();
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var again = aggregator.SaveSnapshot();
        var kpis = await TodayAsync(cluster, TenantId, s_now).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, (int)kpis.TotalConversations.Value!);
        Assert.False(save.IsCompleted);
        Assert.False(again.IsCompleted);
        gate.Open();
        await Task.WhenAll(save, again).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, gate.Writes);
    }

    public void Dispose() => _data.Dispose();

    private sealed class WriteGate(string stateName)
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _opened;
        private int _writes;

        public string StateName { get; } = stateName;

        public Task Entered => _entered.Task;

        /// <summary>Writes of the state that went through while the gate was closed or after.</summary>
        public int Writes => Volatile.Read(ref _writes);

        public void Close() => _opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _opened?.TrySetResult();

        public async Task PassAsync()
        {
            if (_opened is { } opened)
            {
                Interlocked.Increment(ref _writes);
                _entered.TrySetResult();
                await opened.Task;
            }
        }
    }

    private sealed class GatedStorage(IGrainStorage inner, WriteGate gate) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (stateName == gate.StateName)
            {
                await gate.PassAsync();
            }

            await inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
