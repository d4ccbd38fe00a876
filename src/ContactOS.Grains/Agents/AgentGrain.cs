using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Ingestion;
using Orleans.Placement;

namespace ContactOS.Grains.Agents;

/// <summary>
/// An agent's status history in event time and what it adds to the tenant's counters (status events, and the time of its
/// closed status intervals by local hour). Each batch returns only the difference it makes, taken over the part of the
/// history it can change; the grain stores nothing of its own: the event log is its state, reloaded on a later activation.
/// </summary>
/// <remarks>Placed beside its caller, the tenant's pipeline grain, so a batch's calls stay on one silo.</remarks>
[PreferLocalPlacement]
public sealed class AgentGrain(IEventHistory history) : Grain, IAgentGrain
{
    private AgentTimeline _timeline = new();
    private bool _loaded;
    private long _epoch;

    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private string AgentId => this.GetPrimaryKeyString()[(TenantId.Length + 1)..];

    public Task<AgentUpdate> Apply(AgentBatch batch)
    {
        if (batch.Epoch != _epoch)
        {
            _timeline = new AgentTimeline();
            _loaded = false;
            _epoch = batch.Epoch;
        }

        return Task.FromResult(_loaded ? ApplyEntries(batch) : AgentUpdate.HistoryNeeded);
    }

    public Task<AgentUpdate> ApplyWithHistory(AgentStatusEntry[] history, AgentBatch batch)
    {
        if (!_loaded || batch.Epoch != _epoch)
        {
            _timeline = new AgentTimeline();
            _epoch = batch.Epoch;
            try
            {
                // The history is already counted in the tenant's grains: it is the baseline, not a change.
                foreach (var entry in history)
                {
                    _timeline.Add(entry);
                }

                _loaded = true;
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or OverflowException or TimeZoneNotFoundException)
            {
                return Task.FromResult(Failed(exception));
            }
        }

        return Task.FromResult(ApplyEntries(batch));
    }

    public async Task<StatusInterval[]?> GetIntervals(DateTimeOffset from, DateTimeOffset until)
    {
        // Routed batches keep the timeline of a loaded activation complete; an agent idle since a restart has not been
        // loaded, and its events are read from the log for the question (the pipeline's next batch loads it its own way).
        var timeline = _timeline;
        if (!_loaded)
        {
            timeline = new AgentTimeline();
            var events = await history.ReadAsync(TenantId, [RoutingKeys.AgentPrefix + AgentId], long.MaxValue, CancellationToken.None);
            foreach (var pipelineEvent in events)
            {
                timeline.Add(TimelineEntries.ForAgent(pipelineEvent.Event, pipelineEvent.Position));
            }
        }

        return timeline.Entries.Count == 0 ? null : [.. timeline.Intervals(from, until)];
    }

    private AgentUpdate ApplyEntries(AgentBatch batch)
    {
        try
        {
            // As for conversations: events from the batch's start on that are here already came with an attempt whose answer
            // the pipeline did not keep, so they go and come again, and the change is against what the tenant's grains have.
            var zone = TimeZones.Find(batch.TimeZoneId);

            // Only the entries from the one ahead of the earliest new event on can change: the difference is taken over them,
            // so a batch costs the same after a day or a year of history.
            var from = 0;
            if (!_timeline.RemoveArrivedFrom(batch.BatchStart))
            {
                from = int.MaxValue;
                foreach (var entry in batch.Entries)
                {
                    if (_timeline.IndexFor(entry) is >= 0 and var index)
                    {
                        from = Math.Min(from, index - 1);
                    }
                }

                if (from == int.MaxValue)
                {
                    return new AgentUpdate(false, _timeline.Current(AgentId), []);
                }
            }

            var before = new Dictionary<MetricKey, long>();
            _timeline.Contribute(AgentId, zone, from, before);
            foreach (var entry in batch.Entries)
            {
                _timeline.Add(entry);
            }

            var after = new Dictionary<MetricKey, long>();
            _timeline.Contribute(AgentId, zone, from, after);
            return new AgentUpdate(false, _timeline.Current(AgentId), [.. new Contribution(after).Minus(new Contribution(before))]);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or OverflowException or TimeZoneNotFoundException)
        {
            return Failed(exception);
        }
    }

    /// <summary>The batch cannot be applied: the timeline may hold part of it, so it is dropped and rebuilt from the log.</summary>
    private AgentUpdate Failed(Exception exception)
    {
        DeactivateOnIdle();
        return new AgentUpdate(false, null, [], exception.Message);
    }
}
