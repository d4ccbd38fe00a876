using ContactOS.Analytics.Events;
using ContactOS.Analytics.Ingestion;
using ContactOS.Analytics.Sentiment;
using ContactOS.Grains.Ingestion;
using ContactOS.Silo.Live;
using ContactOS.Storage.EventLog;

namespace ContactOS.Silo.Ingestion;

/// <summary>
/// Takes a validated batch: scores messages that came without a sentiment, appends the events to the event log
/// (group commit; durable when the call returns) and waits until the grains have applied them, so that a sender that
/// reads right after writing sees its events. The sender is answered only after the log has them, so an acknowledged
/// event is never lost; the grains are a view the log rebuilds.
/// </summary>
internal sealed class EventIngestor(IEventLog log, TenantEventPipeline pipeline, ISentimentScorer scorer, ITenantChangeNotifier notifier)
{
    public async Task<IngestionResult> IngestAsync(string tenantId, EventBatch batch, CancellationToken cancellationToken)
    {
        var rejected = batch.Rejected.Select(r => new RejectedItem(r.Index, r.Field, r.Reason)).ToList();
        if (batch.Accepted.Count == 0)
        {
            return new IngestionResult(0, 0, rejected);
        }

        var rows = new List<LogEvent>(batch.Accepted.Count);
        foreach (var accepted in batch.Accepted)
        {
            var contactEvent = await ScoreAsync(accepted.Event, cancellationToken);
            rows.Add(new LogEvent(
                tenantId, contactEvent.Id, RoutingKeys.Of(contactEvent), contactEvent.Timestamp, ContactEventJson.Serialize(contactEvent), contactEvent));
        }

        var results = await log.AppendAsync(rows, cancellationToken);
        var fresh = 0;
        long last = 0;
        foreach (var result in results)
        {
            if (!result.Duplicate)
            {
                fresh++;
                last = Math.Max(last, result.Position);
            }
        }

        if (fresh > 0)
        {
            // Durable already: the answer waits for the grains, but a cancelled request does not undo anything.
            await pipeline.WaitRoutedAsync(tenantId, last, CancellationToken.None);
            notifier.Notify(tenantId);
        }

        return new IngestionResult(fresh, rows.Count - fresh, rejected);
    }

    /// <summary>A message without a sentiment gets the scorer's, stored with it so that replays count the same score.</summary>
    private async ValueTask<ContactEvent> ScoreAsync(ContactEvent contactEvent, CancellationToken cancellationToken) =>
        contactEvent is { Type: EventTypes.Message, Sentiment: null, Text: { } text } && !string.IsNullOrWhiteSpace(text)
            ? contactEvent with { ScoredSentiment = await scorer.ScoreAsync(text, cancellationToken) }
            : contactEvent;
}
