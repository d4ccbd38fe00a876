using ContactOS.Analytics.Events;
using ContactOS.Analytics.Ingestion;
using ContactOS.Analytics.Sentiment;
using ContactOS.Grains.Ingestion;
using ContactOS.Runtime;
using ContactOS.Silo.Live;
using ContactOS.Storage.EventLog;

namespace ContactOS.Silo.Ingestion;

/// <summary>
/// Takes a validated batch: scores messages that came without a sentiment, appends the events to the event log
/// (group commit; durable when the call returns) and waits until the grains have applied them, so that a sender that
/// reads right after writing sees its events. The sender is answered only after the log has them, so an acknowledged
/// event is never lost; the grains are a view the log rebuilds.
/// </summary>
internal sealed partial class EventIngestor(
    IEventLog log, TenantEventPipeline pipeline, ISentimentScorer scorer, ITenantChangeNotifier notifier, IGrainFactory grains,
    ILogger<EventIngestor> logger)
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
            if (pipeline.TailsLog)
            {
                await WaitAppliedInClusterAsync(tenantId, last);
            }
            else
            {
                await pipeline.WaitRoutedAsync(tenantId, last, CancellationToken.None);
            }

            notifier.Notify(tenantId);
        }

        return new IngestionResult(fresh, rows.Count - fresh, rejected);
    }

    /// <summary>
    /// In a cluster the tenant's owner applies the events, possibly on another silo: the answer waits for it (its
    /// pipeline grain lives there) so a sender reads its own writes. The events are durable whatever happens here, so
    /// if the owner cannot confirm in time (it died and the tenant is moving) the batch is still acknowledged and the
    /// next owner applies it from the log.
    /// </summary>
    private async Task WaitAppliedInClusterAsync(string tenantId, long position)
    {
        try
        {
            await grains.GetGrain<ITenantPipelineGrain>(tenantId).WaitRouted(position);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or RemoteCallException)
        {
            LogApplyUnconfirmed(logger, tenantId, position, exception.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Events of tenant {TenantId} up to position {Position} are durable, but their owner did not confirm applying them: {Reason}")]
    private static partial void LogApplyUnconfirmed(ILogger logger, string tenantId, long position, string reason);

    /// <summary>A message without a sentiment gets the scorer's, stored with it so that replays count the same score.</summary>
    private async ValueTask<ContactEvent> ScoreAsync(ContactEvent contactEvent, CancellationToken cancellationToken) =>
        contactEvent is { Type: EventTypes.Message, Sentiment: null, Text: { } text } && !string.IsNullOrWhiteSpace(text)
            ? contactEvent with { ScoredSentiment = await scorer.ScoreAsync(text, cancellationToken) }
            : contactEvent;
}
