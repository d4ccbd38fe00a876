using ContactOS.Analytics.Conversations;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Sentiment;
using ContactOS.Grains.Conversations;

namespace ContactOS.Grains.Ingestion;

/// <summary>
/// Delivers durable events to the grains they concern: one call per conversation per batch, with messages that
/// came without a sentiment scored on the way. Called after the event log acknowledged the events, and again by
/// recovery when the log is replayed.
/// </summary>
public sealed class EventRouter(IGrainFactory grains, ISentimentScorer scorer)
{
    /// <summary>Routes a tenant's events; <paramref name="arrivals"/> are their event-log positions.</summary>
    public async Task RouteAsync(string tenantId, string timeZoneId, IReadOnlyList<ContactEvent> events, IReadOnlyList<long> arrivals, CancellationToken cancellationToken)
    {
        var byConversation = new Dictionary<string, List<TimelineEntry>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var contactEvent = events[i];
            if (contactEvent.ConversationId is null || EventTypes.IsAgentEvent(contactEvent.Type))
            {
                continue;
            }

            if (!byConversation.TryGetValue(contactEvent.ConversationId, out var entries))
            {
                entries = [];
                byConversation[contactEvent.ConversationId] = entries;
            }

            entries.Add(await ToEntryAsync(contactEvent, arrivals[i], cancellationToken));
        }

        await Task.WhenAll(byConversation.Select(conversation =>
            grains.GetGrain<IConversationGrain>(GrainKeys.ForTenant(tenantId, conversation.Key)).Apply(conversation.Value, timeZoneId)));
    }

    private async ValueTask<TimelineEntry> ToEntryAsync(ContactEvent contactEvent, long arrival, CancellationToken cancellationToken)
    {
        var value = contactEvent.Type switch
        {
            EventTypes.IntentDetected => contactEvent.Intent,
            EventTypes.HandoffRequested => contactEvent.Reason,
            EventTypes.ConversationResolved => contactEvent.By,
            EventTypes.AgentAssigned => contactEvent.AgentId,
            _ => null,
        };
        int? sentiment = null;
        if (contactEvent.Type == EventTypes.Message)
        {
            sentiment = contactEvent.Sentiment
                ?? (string.IsNullOrWhiteSpace(contactEvent.Text) ? null : await scorer.ScoreAsync(contactEvent.Text, cancellationToken));
        }

        return new TimelineEntry(contactEvent.Timestamp, arrival, contactEvent.Type, value, sentiment);
    }
}
