using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Conversations;
using ContactOS.Grains.Tenants;

namespace ContactOS.Grains.Conversations;

/// <summary>
/// Keeps a conversation's timeline and its last contribution to the tenant's counters. Each batch of events
/// recomputes the contribution and hands only the difference to the silo's <see cref="TenantChangeBatcher"/>,
/// which merges the changes of many conversations before they reach the tenant aggregator.
/// </summary>
public sealed class ConversationGrain(TenantChangeBatcher batcher) : Grain, IConversationGrain
{
    private readonly ConversationTimeline _timeline = new();
    private Contribution _contribution = Contribution.Empty;

    public Task Apply(IReadOnlyList<TimelineEntry> entries, string timeZoneId)
    {
        foreach (var entry in entries)
        {
            _timeline.Add(entry);
        }

        var next = _timeline.Contribute(TimeZones.Find(timeZoneId));
        var changes = next.Minus(_contribution);
        _contribution = next;
        if (changes.Count > 0)
        {
            batcher.Add(GrainKeys.TenantOf(GetPrimaryKeyString()), changes);
        }

        return Task.CompletedTask;
    }

    public Task<ConversationStatus?> GetStatus() => Task.FromResult(_timeline.Status);
}
