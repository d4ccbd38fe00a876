using ContactOS.Analytics.Events;
using ContactOS.Analytics.Ingestion;
using ContactOS.Analytics.Sentiment;
using ContactOS.Grains.Ingestion;
using ContactOS.Silo.Live;
using ContactOS.Silo.Telemetry;
using ContactOS.Storage.EventLog;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Ingestion;

/// <summary>
/// Takes a validated batch: scores messages that came without a sentiment, appends the events to the event log
/// (group commit; durable when the call returns), then hands them to the tenant's pipeline grain, wherever Orleans placed
/// it, and waits until they are applied so that a sender that reads right after writing sees its events. The sender is
/// answered only after the log has them, so an acknowledged event is never lost; the grains are a view the log rebuilds.
/// Dashboards on this front hear of the change at once; on other fronts, from the tenant's live stream.
/// </summary>
internal sealed partial class EventIngestor(
    IEventLog log, IGrainFactory grains, ISentimentScorer scorer, ITenantChangeNotifier notifier, IOptions<PipelineOptions> options,
    SiloMetrics metrics, TimeProvider timeProvider, ILogger<EventIngestor> logger)
{
    // Span attributes: traces may name the tenant (they are sampled and not aggregated), metrics never do.
    private const string TenantTag = "contactos.tenant";
    private const string EventsTag = "contactos.events";

    public async Task<IngestionResult> IngestAsync(string tenantId, EventBatch batch, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var activity = SiloActivitySource.Instance.StartActivity("ingest");
        activity?.SetTag(TenantTag, tenantId).SetTag(EventsTag, batch.Count);

        var result = await IngestBatchAsync(tenantId, batch, cancellationToken);
        metrics.Ingested(result.Accepted, result.Duplicates, result.Rejected.Count, timeProvider.GetElapsedTime(started));
        return result;
    }

    private async Task<IngestionResult> IngestBatchAsync(string tenantId, EventBatch batch, CancellationToken cancellationToken)
    {
        var rejected = batch.Rejected.Select(r => new RejectedItem(r.Index, r.Field, r.Reason)).ToList();
        if (batch.Accepted.Count == 0)
        {
            return new IngestionResult(0, 0, rejected);
        }

        var events = await ScoreAsync(batch.Accepted, cancellationToken);
        var rows = new List<LogEvent>(events.Length);
        foreach (var contactEvent in events)
        {
            rows.Add(new LogEvent(
                tenantId, contactEvent.Id, RoutingKeys.Of(contactEvent), contactEvent.Timestamp, ContactEventJson.Serialize(contactEvent)));
        }

        IReadOnlyList<AppendResult> results;
        using (SiloActivitySource.Instance.StartActivity("ingest.append")?.SetTag(EventsTag, rows.Count))
        {
            results = await log.AppendAsync(rows, cancellationToken);
        }

        // The fresh events, and the position after which they are all of the tenant's events in the log: what the writer
        // said precedes the first, as long as each later one is preceded by the one before it (-1 otherwise).
        var fresh = new List<PipelineEvent>(results.Count);
        var after = -1L;
        for (var i = 0; i < results.Count; i++)
        {
            if (!results[i].Duplicate)
            {
                after = fresh.Count == 0 ? results[i].Preceding : after >= 0 && results[i].Preceding == fresh[^1].Position ? after : -1;
                fresh.Add(new PipelineEvent(events[i], results[i].Position));
            }
        }

        if (fresh.Count > 0)
        {
            if (after < 0)
            {
                fresh.Sort(static (a, b) => a.Position.CompareTo(b.Position));
            }

            // Durable already: the answer waits for the grains, but a cancelled request does not undo anything.
            await ApplyAsync(tenantId, new AppendedEvents([.. fresh], after));

            // This front's own dashboards of the tenant hear at once; the others through the tenant's stream.
            notifier.Notify(tenantId);
        }

        return new IngestionResult(fresh.Count, rows.Count - fresh.Count, rejected);
    }

    /// <summary>
    /// Read-your-writes up to <see cref="PipelineOptions.ApplyWaitLimit"/>. The events are durable whatever happens here:
    /// if the tenant's pipeline cannot confirm in time (a silo died and the tenant is moving, the database is out for a
    /// moment), the batch is still acknowledged and the pipeline applies it from the log.
    /// </summary>
    private async Task ApplyAsync(string tenantId, AppendedEvents appended)
    {
        var events = appended.Events;
        using var activity = SiloActivitySource.Instance.StartActivity("ingest.apply");
        activity?.SetTag(TenantTag, tenantId).SetTag(EventsTag, events.Length);
        try
        {
            await grains.GetGrain<ITenantPipelineGrain>(tenantId).Apply(appended).WaitAsync(options.Value.ApplyWaitLimit);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "not confirmed; applied from the event log");
            LogApplyUnconfirmed(logger, tenantId, events[^1].Position, exception.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Events of tenant {TenantId} up to position {Position} are durable, but applying them was not confirmed: {Reason}; they are applied from the event log")]
    private static partial void LogApplyUnconfirmed(ILogger logger, string tenantId, long position, string reason);

    /// <summary>
    /// Messages without a sentiment get the scorer's, stored with them so that replays count the same score. The
    /// batch's messages go to the scorer in one call: a scorer behind a model carries many per request.
    /// </summary>
    private async ValueTask<ContactEvent[]> ScoreAsync(IReadOnlyList<AcceptedEvent> accepted, CancellationToken cancellationToken)
    {
        var events = new ContactEvent[accepted.Count];
        List<int>? unscored = null;
        for (var i = 0; i < events.Length; i++)
        {
            var contactEvent = events[i] = accepted[i].Event;
            if (contactEvent is { Type: EventTypes.Message, Sentiment: null, Text: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                (unscored ??= []).Add(i);
            }
        }

        if (unscored is null)
        {
            return events;
        }

        var texts = new string[unscored.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = events[unscored[i]].Text!;
        }

        int[] scores;
        using (SiloActivitySource.Instance.StartActivity("ingest.score")?.SetTag(EventsTag, texts.Length))
        {
            scores = await scorer.ScoreAsync(texts, cancellationToken);
        }

        for (var i = 0; i < texts.Length; i++)
        {
            events[unscored[i]] = events[unscored[i]] with { ScoredSentiment = scores[i] };
        }

        return events;
    }
}
