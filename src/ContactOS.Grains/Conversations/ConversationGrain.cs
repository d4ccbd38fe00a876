using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Conversations;

namespace ContactOS.Grains.Conversations;

/// <summary>
/// Keeps a conversation's timeline and its last contribution to the tenant's counters. Each batch of events
/// recomputes the contribution and returns only the difference, which the silo's pipeline merges with those of the
/// other conversations of the batch before it reaches the tenant's grains. Nothing is stored: the event log is the
/// state, and an activation that follows an earlier one reloads its events from it (see <see cref="Apply"/>).
/// </summary>
public sealed class ConversationGrain : Grain, IConversationGrain
{
    private readonly ConversationTimeline _timeline = new();
    private Contribution _contribution = Contribution.Empty;
    private bool _loaded;

    public Task<ConversationUpdate> Apply(IReadOnlyList<TimelineEntry> entries, string timeZoneId, long batchStart)
    {
        if (!_loaded)
        {
            return Task.FromResult(ConversationUpdate.HistoryNeeded);
        }

        return Task.FromResult(new ConversationUpdate(false, ApplyEntries(entries, timeZoneId)));
    }

    public Task<IReadOnlyList<KeyValuePair<MetricKey, long>>> ApplyWithHistory(
        IReadOnlyList<TimelineEntry> history, IReadOnlyList<TimelineEntry> entries, string timeZoneId)
    {
        if (!_loaded)
        {
            // The history is already counted in the tenant's grains: it becomes the baseline, not a change.
            foreach (var entry in history)
            {
                _timeline.Add(entry);
            }

            _contribution = _timeline.Contribute(TimeZones.Find(timeZoneId));
            _loaded = true;
        }

        return Task.FromResult(ApplyEntries(entries, timeZoneId));
    }

    public Task<ConversationStatus?> GetStatus() => Task.FromResult(_timeline.Status);

    private IReadOnlyList<KeyValuePair<MetricKey, long>> ApplyEntries(IReadOnlyList<TimelineEntry> entries, string timeZoneId)
    {
        foreach (var entry in entries)
        {
            _timeline.Add(entry);
        }

        var next = _timeline.Contribute(TimeZones.Find(timeZoneId));
        var changes = next.Minus(_contribution);
        _contribution = next;
        return changes;
    }
}
