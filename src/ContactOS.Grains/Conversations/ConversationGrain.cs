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
    private const int ScratchKeepsCapacity = 256;

    // The next contribution is computed here, then copied into the grain's own: a turn is synchronous, so one per
    // thread is enough, and an update allocates only its list of changes.
    [ThreadStatic]
    private static Dictionary<MetricKey, long>? t_next;

    private readonly ConversationTimeline _timeline = new();
    private Contribution? _contribution;
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

            var baseline = new Dictionary<MetricKey, long>();
            _timeline.Contribute(TimeZones.Find(timeZoneId), baseline);
            _contribution = new Contribution(baseline);
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

        var next = t_next ??= [];
        _timeline.Contribute(TimeZones.Find(timeZoneId), next);
        _contribution ??= new Contribution(new Dictionary<MetricKey, long>(next.Count));
        var changes = _contribution.ReplaceWith(next);
        if (next.Count > ScratchKeepsCapacity)
        {
            // A rare long conversation: do not make every later update clear its large tables.
            t_next = null;
        }

        return changes;
    }
}
