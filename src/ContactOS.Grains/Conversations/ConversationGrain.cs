using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Conversations;
using Orleans.Placement;

namespace ContactOS.Grains.Conversations;

/// <summary>
/// Keeps a conversation's timeline and its last contribution to the tenant's counters. Each batch of events
/// recomputes the contribution and returns only the difference, which the tenant's pipeline merges with those of the
/// other conversations of the batch before it reaches the tenant's grains. Nothing is stored: the event log is the
/// state, and an activation that follows an earlier one reloads its events from it.
/// </summary>
/// <remarks>Placed beside its caller, the tenant's pipeline grain, so a batch's calls stay on one silo.</remarks>
[PreferLocalPlacement]
public sealed class ConversationGrain : Grain, IConversationGrain
{
    [ThreadStatic]
    private static Dictionary<MetricKey, long>? t_next;

    private ConversationTimeline _timeline = new();
    private Contribution? _contribution;
    private bool _loaded;
    private long _epoch;

    public Task<ConversationUpdate> Apply(ConversationBatch batch)
    {
        if (batch.Epoch != _epoch)
        {
            _timeline = new ConversationTimeline();
            _contribution = null;
            _loaded = false;
            _epoch = batch.Epoch;
        }

        return Task.FromResult(_loaded ? ApplyEntries(batch) : ConversationUpdate.HistoryNeeded);
    }

    public Task<ConversationUpdate> ApplyWithHistory(TimelineEntry[] history, ConversationBatch batch)
    {
        if (!_loaded || batch.Epoch != _epoch)
        {
            _timeline = new ConversationTimeline();
            _epoch = batch.Epoch;
            try
            {
                // The history is already counted in the tenant's grains: it becomes the baseline, not a change.
                foreach (var entry in history)
                {
                    _timeline.Add(entry);
                }

                var baseline = new Dictionary<MetricKey, long>();
                _timeline.Contribute(TimeZones.Find(batch.TimeZoneId), baseline);
                _contribution = new Contribution(baseline);
                _loaded = true;
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or OverflowException or TimeZoneNotFoundException)
            {
                return Task.FromResult(Failed(exception));
            }
        }

        return Task.FromResult(ApplyEntries(batch));
    }

    private ConversationUpdate ApplyEntries(ConversationBatch batch)
    {
        try
        {
            // The pipeline has kept every answer for the events before the batch's start, and none for those after it.
            // Events from its start on that are here already came with an attempt whose answer it did not keep (the
            // batch failed elsewhere): they go, and come again with this batch or a later one. The change is then
            // always against exactly what the tenant's grains have.
            var zone = TimeZones.Find(batch.TimeZoneId);
            if (_timeline.RemoveArrivedFrom(batch.BatchStart))
            {
                var kept = new Dictionary<MetricKey, long>();
                _timeline.Contribute(zone, kept);
                _contribution = new Contribution(kept);
            }
            else if (_contribution is null)
            {
                _contribution = new Contribution([]);
            }

            foreach (var entry in batch.Entries)
            {
                _timeline.Add(entry);
            }

            // Computed into a dictionary the thread reuses; the contribution takes the change in place.
            var next = t_next ??= [];
            next.Clear();
            _timeline.Contribute(zone, next);
            var update = new ConversationUpdate(false, [.. _contribution.ReplaceWith(next)]);
            if (next.Count > 4_096)
            {
                // An unusually long conversation: its keys are not kept for every later one.
                t_next = null;
            }

            return update;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or OverflowException or TimeZoneNotFoundException)
        {
            return Failed(exception);
        }
    }

    /// <summary>
    /// The batch cannot be applied (an event the engine cannot place): this activation's timeline may hold part of it, so
    /// it is dropped, and the next batch rebuilds the conversation from the log.
    /// </summary>
    private ConversationUpdate Failed(Exception exception)
    {
        DeactivateOnIdle();
        return new ConversationUpdate(false, [], exception.Message);
    }
}
