using ContactOS.Analytics.Events;
using ContactOS.Grains.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// The front's feed to a tenant's pipeline: requests answered by one group commit reach it in any order, and the pipeline
/// must still get them in log order, several per call, so that it never has to read the log back to fill a gap.
/// </summary>
public sealed class PipelineFeedTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingPipeline _pipeline = new();

    private PipelineFeed CreateFeed() => new(_ => _pipeline, _time);

    [Fact]
    public async Task A_batch_that_arrives_before_its_predecessor_waits_for_it_and_both_go_in_one_call_in_log_order()
    {
        var feed = CreateFeed();
        var first = feed.ApplyAsync("t", Events(1, 2), after: 0, afterIsPrevious: false);
        _pipeline.Answer();
        await first;

        // 5-6 follow 3-4 in the tenant's log, and their request is answered first.
        var later = feed.ApplyAsync("t", Events(5, 6), after: 4, afterIsPrevious: true);
        await Task.Yield();
        Assert.Single(_pipeline.Calls);
        var earlier = feed.ApplyAsync("t", Events(3, 4), after: 2, afterIsPrevious: true);
        await WaitForCallsAsync(2);
        _pipeline.Answer();
        await Task.WhenAll(earlier, later);

        Assert.Equal(2, _pipeline.Calls.Count);
        Assert.Equal([3, 4, 5, 6], _pipeline.Calls[1].Events.Select(e => e.Position));
        Assert.Equal(2, _pipeline.Calls[1].After);
    }

    [Fact]
    public async Task A_batch_that_follows_what_was_handed_on_goes_at_once_even_while_that_call_is_under_way()
    {
        var feed = CreateFeed();
        var first = feed.ApplyAsync("t", Events(1), after: 0, afterIsPrevious: false);
        var second = feed.ApplyAsync("t", Events(2, 3), after: 1, afterIsPrevious: true);

        Assert.Equal(2, _pipeline.Calls.Count);
        Assert.Equal([2, 3], _pipeline.Calls[1].Events.Select(e => e.Position));
        Assert.False(second.IsCompleted);
        _pipeline.Answer();
        _pipeline.Answer();
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task A_predecessor_that_never_comes_holds_the_batch_back_only_briefly()
    {
        var feed = CreateFeed();
        var first = feed.ApplyAsync("t", Events(1), after: 0, afterIsPrevious: false);
        _pipeline.Answer();
        await first;

        var orphan = feed.ApplyAsync("t", Events(9), after: 5, afterIsPrevious: true);
        _time.Advance(PipelineFeed.PredecessorWait - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.Single(_pipeline.Calls);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForCallsAsync(2);
        _pipeline.Answer();
        await orphan;

        // The pipeline is told what the log said, and finds the rest there itself.
        Assert.Equal(5, _pipeline.Calls[1].After);
    }

    [Fact]
    public async Task A_failed_call_fails_each_of_its_batches_and_the_next_ones_still_go()
    {
        var feed = CreateFeed();
        var first = feed.ApplyAsync("t", Events(1), after: 0, afterIsPrevious: false);
        _pipeline.Answer();
        await first;

        // 3 arrives first and waits for 2: both go in one call, which fails.
        var third = feed.ApplyAsync("t", Events(3), after: 2, afterIsPrevious: true);
        var second = feed.ApplyAsync("t", Events(2), after: 1, afterIsPrevious: true);
        await WaitForCallsAsync(2);
        _pipeline.Fail(new TimeoutException("silo gone"));
        Assert.Equal("silo gone", (await Assert.ThrowsAsync<TimeoutException>(() => second)).Message);
        Assert.Equal("silo gone", (await Assert.ThrowsAsync<TimeoutException>(() => third)).Message);

        var fourth = feed.ApplyAsync("t", Events(4), after: 3, afterIsPrevious: true);
        await WaitForCallsAsync(3);
        _pipeline.Answer();
        await fourth;
        Assert.Equal([4], _pipeline.Calls[2].Events.Select(e => e.Position));
    }

    [Fact]
    public async Task Tenants_are_fed_independently_and_unordered_events_go_straight_through()
    {
        var pipelines = new Dictionary<string, RecordingPipeline>(StringComparer.Ordinal) { ["a"] = new(), ["b"] = new() };
        var feed = new PipelineFeed(tenantId => pipelines[tenantId], _time);

        var a = feed.ApplyAsync("a", Events(1), after: 0, afterIsPrevious: false);
        var b = feed.ApplyAsync("b", Events(2), after: 0, afterIsPrevious: false);
        var unordered = feed.ApplyAsync("a", Events(8), after: -1, afterIsPrevious: false);

        Assert.Single(pipelines["b"].Calls);
        Assert.Equal(2, pipelines["a"].Calls.Count);
        Assert.Equal(-1, pipelines["a"].Calls[1].After);
        pipelines["a"].Answer();
        pipelines["a"].Answer();
        pipelines["b"].Answer();
        await Task.WhenAll(a, b, unordered);
    }

    private async Task WaitForCallsAsync(int count)
    {
        for (var i = 0; i < 500 && _pipeline.Calls.Count < count; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, _pipeline.Calls.Count);
    }

    private static PipelineEvent[] Events(params long[] positions) =>
        [.. positions.Select(p => new PipelineEvent(new ContactEvent { Id = $"e-{p}", Type = EventTypes.Message, Timestamp = DateTimeOffset.UnixEpoch }, p))];

    /// <summary>Records each call; each stays open until the test answers it, oldest first.</summary>
    private sealed class RecordingPipeline : ITenantPipelineGrain
    {
        private readonly Queue<TaskCompletionSource> _open = new();

        public List<AppendedEvents> Calls { get; } = [];

        public Task Apply(AppendedEvents events)
        {
            lock (Calls)
            {
                Calls.Add(events);
                var call = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _open.Enqueue(call);
                return call.Task;
            }
        }

        public void Answer()
        {
            lock (Calls)
            {
                _open.Dequeue().SetResult();
            }
        }

        public void Fail(Exception exception)
        {
            lock (Calls)
            {
                _open.Dequeue().SetException(exception);
            }
        }

        public Task<long> CatchUp() => throw new NotSupportedException();

        public Task Wake() => throw new NotSupportedException();

        public Task ChangeTimeZone(string timeZoneId) => throw new NotSupportedException();

        public Task<SetAsideEvent[]> GetSetAside() => throw new NotSupportedException();
    }
}
