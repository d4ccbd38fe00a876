using ContactOS.Grains.Ingestion;
using ContactOS.Testing.Sqlite;

using static ContactOS.Grains.Tests.Engine.StartedConversations;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// When the pipeline asks the event log: never for a batch the log's writer chained to what it has applied, and always,
/// with the same figures, when a batch may have others before it.
/// </summary>
public sealed class PipelineLogReadsTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 4, 2, 9, 17, 0, TimeSpan.Zero);

    private readonly SqliteTestDirectory _data = new();

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 2)]
    public async Task Batches_between_other_tenants_events_need_no_count_when_the_writer_chained_them(bool chained, int counts)
    {
        var log = new MemoryEventLog(_ => 0);
        var history = new CountingHistory(log);
        await using var cluster = await PipelineCluster.StartAsync(history, _data.Path, new Dictionary<string, string> { ["a"] = "UTC", ["b"] = "UTC" });

        await cluster.Pipeline("a").CatchUp();
        var pagesBefore = history.TenantPages;

        // Tenant b's events sit between tenant a's batches, so a's positions are never consecutive.
        long applied = 0;
        for (var i = 0; i < 3; i++)
        {
            var batch = log.Append("a", [Started($"c{i}", s_now)]).ToArray();
            log.Append("b", [Started($"other{i}", s_now)]);
            await cluster.Pipeline("a").Apply(new AppendedEvents(batch, chained ? applied : -1));
            applied = batch[^1].Position;
        }

        Assert.Equal(counts, history.Counts);
        Assert.Equal(pagesBefore, history.TenantPages);
        Assert.Equal(3, await ConversationsAsync(cluster));
    }

    [Fact]
    public async Task A_batch_applied_before_the_one_ahead_of_it_in_the_log_brings_that_one_from_the_log()
    {
        var log = new MemoryEventLog(_ => 0);
        var history = new CountingHistory(log);
        await using var cluster = await PipelineCluster.StartAsync(history, _data.Path, new Dictionary<string, string> { ["a"] = "UTC" });
        await cluster.Pipeline("a").CatchUp();
        var pagesBefore = history.TenantPages;
        var first = log.Append("a", [Started("c1", s_now)]).ToArray();
        var second = log.Append("a", [Started("c2", s_now)]).ToArray();

        await cluster.Pipeline("a").Apply(new AppendedEvents(second, first[^1].Position));
        Assert.Equal(2, await ConversationsAsync(cluster));
        await cluster.Pipeline("a").Apply(new AppendedEvents(first, 0));

        Assert.Equal(pagesBefore + 1, history.TenantPages);
        Assert.Equal(2, await ConversationsAsync(cluster));
    }

    public void Dispose() => _data.Dispose();

    private static async Task<int> ConversationsAsync(PipelineCluster cluster) =>
        (int)(await TodayAsync(cluster, "a", s_now)).TotalConversations.Value!;

    /// <summary>Counts the pipeline's reads of a tenant's log (count queries and pages); histories pass through.</summary>
    private sealed class CountingHistory(IEventHistory inner) : IEventHistory
    {
        private int _counts;
        private int _tenantPages;

        public int Counts => Volatile.Read(ref _counts);

        public int TenantPages => Volatile.Read(ref _tenantPages);

        public Task<IReadOnlyList<PipelineEvent>> ReadAsync(
            string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken) =>
            inner.ReadAsync(tenantId, routingKeys, beforePosition, cancellationToken);

        public Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _tenantPages);
            return inner.ReadTenantAfterAsync(tenantId, afterPosition, max, cancellationToken);
        }

        public Task<int> CountTenantAsync(string tenantId, long afterPosition, long throughPosition, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _counts);
            return inner.CountTenantAsync(tenantId, afterPosition, throughPosition, cancellationToken);
        }
    }
}
