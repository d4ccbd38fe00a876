using System.Collections.Concurrent;
namespace ContactOS.Grains.Ingestion;

/// <summary>
/// Hands each tenant's appended events to its pipeline grain in log order, several requests' events in one call.
/// <para>
/// Requests whose events one group commit stored are answered together, and their continuations reach the grain in any
/// order. A pipeline that gets a later batch first must find the earlier one in the event log (a query, then reading and
/// decoding the events back); in the order of the log it applies each batch as it comes, without asking the database.
/// So this front keeps, per tenant, the events its requests appended: a batch whose predecessor in the tenant's log is an
/// event this process stored waits for that one to be handed on first (for at most <see cref="PredecessorWait"/>), and
/// goes with it in one call. Calls are not held back otherwise: one sender's calls to a grain normally arrive in the order they
/// were made, and should one overtake another, the pipeline still finds what it lacks in the log.
/// </para>
/// </summary>
public sealed class PipelineFeed
{
    /// <summary>How long a batch waits for the batch before it in the tenant's log, which this process stored, to arrive.</summary>
    internal static readonly TimeSpan PredecessorWait = TimeSpan.FromMilliseconds(100);

    /// <summary>Events handed to a pipeline in one call, at most (a single request's batch may be larger, and goes alone).</summary>
    internal const int MaxEventsPerCall = 10_000;

    private readonly ConcurrentDictionary<string, TenantFeed> _tenants = new(StringComparer.Ordinal);
    private readonly Func<string, ITenantPipelineGrain> _pipelines;
    private readonly TimeProvider _timeProvider;

    public PipelineFeed(IGrainFactory grains, TimeProvider timeProvider)
        : this(tenantId => grains.GetGrain<ITenantPipelineGrain>(tenantId), timeProvider)
    {
    }

    internal PipelineFeed(Func<string, ITenantPipelineGrain> pipelines, TimeProvider timeProvider)
    {
        _pipelines = pipelines;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Completes once the pipeline has applied <paramref name="events"/> (or fails as its call failed). <paramref name="after"/>
    /// and <paramref name="afterIsPrevious"/> are what the event log said precedes the first of them.
    /// </summary>
    public Task ApplyAsync(string tenantId, PipelineEvent[] events, long after, bool afterIsPrevious)
    {
        if (after < 0)
        {
            // Nothing to order them by: straight to the pipeline, which finds anything missing in the log.
            return Pipeline(tenantId).Apply(new AppendedEvents(events));
        }

        var feed = _tenants.GetOrAdd(tenantId, static (id, owner) => new TenantFeed(owner, id), this);
        return feed.Enqueue(events, after, afterIsPrevious);
    }

    private ITenantPipelineGrain Pipeline(string tenantId) => _pipelines(tenantId);

    private sealed class Batch(PipelineEvent[] events, long after, bool afterIsPrevious, long arrived)
    {
        public PipelineEvent[] Events { get; } = events;

        public long After { get; } = after;

        public bool AfterIsPrevious { get; } = afterIsPrevious;

        public long Last => Events[^1].Position;

        public long Arrived { get; } = arrived;

        public TaskCompletionSource Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class TenantFeed(PipelineFeed owner, string tenantId)
    {
        private readonly Lock _gate = new();

        // Waiting batches, by the position they follow.
        private readonly List<Batch> _waiting = [];
        private bool _wakeUpArmed;

        // The last position handed to the pipeline from here; -1 before the first call.
        private long _sentThrough = -1;

        public Task Enqueue(PipelineEvent[] events, long after, bool afterIsPrevious)
        {
            var batch = new Batch(events, after, afterIsPrevious, owner.Now);
            lock (_gate)
            {
                var index = _waiting.FindIndex(waiting => waiting.After > after);
                _waiting.Insert(index < 0 ? _waiting.Count : index, batch);
                SendNext();
            }

            return batch.Applied.Task;
        }

        /// <summary>Sends every waiting batch that may go now, chained ones together. Holds the lock.</summary>
        private void SendNext()
        {
            while (_waiting.Count > 0)
            {
                var first = _waiting[0];
                if (first.AfterIsPrevious && _sentThrough >= 0 && first.After > _sentThrough)
                {
                    // Its predecessor, stored here, has not been handed on yet: it is on its way.
                    var waited = owner.Elapsed(first.Arrived);
                    if (waited < PredecessorWait)
                    {
                        WakeUpAfter(PredecessorWait - waited);
                        return;
                    }
                }

                var taken = 1;
                var events = first.Events.Length;
                while (taken < _waiting.Count
                    && _waiting[taken].After == _waiting[taken - 1].Last
                    && events + _waiting[taken].Events.Length <= MaxEventsPerCall)
                {
                    events += _waiting[taken].Events.Length;
                    taken++;
                }

                var batches = _waiting.GetRange(0, taken);
                _waiting.RemoveRange(0, taken);
                _sentThrough = Math.Max(_sentThrough, batches[^1].Last);
                _ = SendAsync(batches, events);
            }
        }

        private async Task SendAsync(List<Batch> batches, int count)
        {
            try
            {
                var events = batches.Count == 1 ? batches[0].Events : Concatenate(batches, count);
                await owner.Pipeline(tenantId).Apply(new AppendedEvents(events, batches[0].After));
                foreach (var batch in batches)
                {
                    batch.Applied.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                foreach (var batch in batches)
                {
                    batch.Applied.TrySetException(exception);
                }
            }
        }

        private void WakeUpAfter(TimeSpan delay)
        {
            if (_wakeUpArmed)
            {
                return;
            }

            _wakeUpArmed = true;
            _ = Task.Delay(delay, owner.TimeProvider).ContinueWith(
                static (_, state) =>
                {
                    var feed = (TenantFeed)state!;
                    lock (feed._gate)
                    {
                        feed._wakeUpArmed = false;
                        feed.SendNext();
                    }
                },
                this,
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }

        private static PipelineEvent[] Concatenate(List<Batch> batches, int count)
        {
            var events = new PipelineEvent[count];
            var at = 0;
            foreach (var batch in batches)
            {
                batch.Events.CopyTo(events, at);
                at += batch.Events.Length;
            }

            return events;
        }
    }

    private TimeProvider TimeProvider => _timeProvider;

    private long Now => _timeProvider.GetTimestamp();

    private TimeSpan Elapsed(long since) => _timeProvider.GetElapsedTime(since);
}
