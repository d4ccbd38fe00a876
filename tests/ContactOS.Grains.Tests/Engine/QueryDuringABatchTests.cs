using ContactOS.Grains.Ingestion;
using ContactOS.Testing.Sqlite;

using static ContactOS.Grains.Tests.Engine.StartedConversations;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// A dashboard that reads while a batch is being applied gets the figures with the whole batch, never the tenant's
/// live figures with it beside its period totals without it.
/// </summary>
public sealed class QueryDuringABatchTests : IDisposable
{
    private const string TenantId = "acme";

    private static readonly DateTimeOffset s_now = new(2026, 4, 2, 9, 17, 0, TimeSpan.Zero);

    private readonly SqliteTestDirectory _data = new();

    [Fact]
    public async Task A_query_made_while_a_batch_is_applied_answers_with_the_whole_batch()
    {
        var log = new MemoryEventLog(_ => 0);
        var history = new GatedHistory(log);
        await using var cluster = await PipelineCluster.StartAsync(history, _data.Path, new Dictionary<string, string> { [TenantId] = "UTC" });
        await cluster.Pipeline(TenantId).Apply(new AppendedEvents([.. log.Append(TenantId, [Started("c1", s_now)])]));

        // The second conversation is new to its grain, which reads its history first: the batch stops there.
        var gate = history.Close();
        var batch = cluster.Pipeline(TenantId).Apply(new AppendedEvents([.. log.Append(TenantId, [Started("c2", s_now)])]));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var query = TodayAsync(cluster, TenantId, s_now);
        await Task.Delay(200);
        gate.Open();

        var kpis = await query;
        await batch;
        Assert.Equal((2, 2), ((int)kpis.TotalConversations.Value!, (int)kpis.Active.Value!));
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A log whose conversation history reads wait, once closed, until the test opens it.</summary>
    private sealed class GatedHistory(IEventHistory inner) : IEventHistory
    {
        private volatile Gate? _gate;

        public Gate Close() => _gate = new Gate();

        public async Task<IReadOnlyList<PipelineEvent>> ReadAsync(
            string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken)
        {
            if (_gate is { } gate)
            {
                await gate.PassAsync();
            }

            return await inner.ReadAsync(tenantId, routingKeys, beforePosition, cancellationToken);
        }

        public Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken) =>
            inner.ReadTenantAfterAsync(tenantId, afterPosition, max, cancellationToken);

        public Task<int> CountTenantAsync(string tenantId, long afterPosition, long throughPosition, CancellationToken cancellationToken) =>
            inner.CountTenantAsync(tenantId, afterPosition, throughPosition, cancellationToken);
    }

    private sealed class Gate
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when a read reached the gate.</summary>
        public Task Entered => _entered.Task;

        public void Open() => _opened.TrySetResult();

        public async Task PassAsync()
        {
            _entered.TrySetResult();
            await _opened.Task;
        }
    }
}
