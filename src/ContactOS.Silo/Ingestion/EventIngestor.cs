using ContactOS.Analytics.Events;
using ContactOS.Analytics.Ingestion;
using ContactOS.Grains.Ingestion;
using ContactOS.Storage.EventLog;

namespace ContactOS.Silo.Ingestion;

/// <summary>
/// Takes a validated batch: appends its events to the event log (group commit; durable when the call returns) and
/// then hands the new ones to the grains. The sender is answered only after the log has them, so an acknowledged
/// event is never lost; the grains are a view the log can rebuild.
/// </summary>
internal sealed partial class EventIngestor(IEventLog log, EventRouter router, TenantTimeZones zones, ILogger<EventIngestor> logger)
{
    public async Task<IngestionResult> IngestAsync(string tenantId, EventBatch batch, CancellationToken cancellationToken)
    {
        var rejected = batch.Rejected.Select(r => new RejectedItem(r.Index, r.Field, r.Reason)).ToList();
        if (batch.Accepted.Count == 0)
        {
            return new IngestionResult(0, 0, rejected);
        }

        var rows = batch.Accepted
            .Select(a => new LogEvent(tenantId, a.Event.Id, RoutingKeys.Of(a.Event), a.Event.Timestamp, ContactEventJson.Serialize(a.Event)))
            .ToList();
        var results = await log.AppendAsync(rows, cancellationToken);

        var fresh = new List<ContactEvent>(rows.Count);
        var positions = new List<long>(rows.Count);
        for (var i = 0; i < results.Count; i++)
        {
            if (!results[i].Duplicate)
            {
                fresh.Add(batch.Accepted[i].Event);
                positions.Add(results[i].Position);
            }
        }

        if (fresh.Count > 0)
        {
            try
            {
                // Durable already: the request is not cancelled half-way through updating the grains.
                await router.RouteAsync(tenantId, await zones.GetAsync(tenantId, CancellationToken.None), fresh, positions, CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogRoutingFailed(logger, exception, tenantId, fresh.Count);
            }
        }

        return new IngestionResult(fresh.Count, rows.Count - fresh.Count, rejected);
    }

    [LoggerMessage(1, LogLevel.Error, "{Count} durable events of tenant {TenantId} could not be applied to the grains; they are in the event log")]
    private static partial void LogRoutingFailed(ILogger logger, Exception exception, string tenantId, int count);
}
