using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Conversations;
using ContactOS.Analytics.Events;
using ContactOS.Grains.Conversations;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// A conversation grain's answers add up to exactly what its kept batches say, also when the pipeline threw an answer
/// away (the batch failed on another grain) and went on from an earlier position of the log.
/// </summary>
public sealed class ConversationGrainTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 4, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDirectory _data = new();

    [Fact]
    public async Task Events_of_an_answer_the_pipeline_did_not_keep_are_counted_once_when_their_batch_comes_again()
    {
        await using var cluster = await PipelineCluster.StartAsync(new MemoryEventLog(_ => 3), _data.Path, new Dictionary<string, string> { ["acme"] = "UTC" });
        var conversation = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.ForTenant("acme", "c1"));
        const long Epoch = 7;
        var kept = new Dictionary<MetricKey, long>();

        // Positions 10 and 12: started, handed off (pending).
        Keep(await conversation.ApplyWithHistory([], Batch(10, Epoch, Entry(10, 0, EventTypes.ConversationStarted), Entry(12, 1, EventTypes.HandoffRequested))));

        // Position 20 (resolved) reaches the grain in a batch that failed elsewhere: its answer is thrown away.
        _ = await conversation.Apply(Batch(20, Epoch, Entry(20, 5, EventTypes.ConversationResolved)));

        // The pipeline goes on from position 15 (another request's events, read from the log), then 20 again.
        Keep(await conversation.Apply(Batch(15, Epoch, Entry(15, 3, EventTypes.Message))));
        Keep(await conversation.Apply(Batch(20, Epoch, Entry(20, 5, EventTypes.ConversationResolved))));

        Assert.Equal(0, Gauge(Metric.Pending));
        Assert.Equal(0, Gauge(Metric.Active));
        Assert.Equal(1, kept.Where(change => change.Key.Metric == Metric.Started).Sum(change => change.Value));
        Assert.Equal(1, kept.Where(change => change.Key.Metric == Metric.HumanResolved).Sum(change => change.Value));

        void Keep(ConversationUpdate update)
        {
            Assert.False(update.NeedsHistory);
            foreach (var (key, change) in update.Changes)
            {
                kept[key] = kept.GetValueOrDefault(key) + change;
            }
        }

        long Gauge(Metric metric) => kept.Where(change => change.Key.Metric == metric).Sum(change => change.Value);
    }

    public void Dispose() => _data.Dispose();

    private static ConversationBatch Batch(long start, long epoch, params TimelineEntry[] entries) => new(entries, "UTC", start, epoch);

    private static TimelineEntry Entry(long position, int minutes, string type) => new(s_start.AddMinutes(minutes), position, type);
}
