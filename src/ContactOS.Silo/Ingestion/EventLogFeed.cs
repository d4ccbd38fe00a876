using ContactOS.Analytics.Events;
using ContactOS.Grains.Ingestion;
using ContactOS.Runtime.Hosting;
using ContactOS.Storage.EventLog;

namespace ContactOS.Silo.Ingestion;

/// <summary>
/// Hands every batch this silo commits to the event log to the <see cref="TenantEventPipeline"/>, in commit order and
/// without reading it back: the log keeps the parsed event as each row's tag. Subscribed at start-up, after recovery
/// and before the silo serves requests.
/// </summary>
internal sealed class EventLogFeed(IEventLog log, TenantEventPipeline pipeline, EventLogHistory history) : ISiloStartupTask, IEventLogObserver, IDisposable
{
    private IDisposable? _subscription;

    public Task ExecuteAsync(CancellationToken cancellationToken)
    {
        _subscription = log.Subscribe(this);
        return Task.CompletedTask;
    }

    public void OnCommitted(IReadOnlyList<LogEvent> events, IReadOnlyList<AppendResult> results)
    {
        if (pipeline.TailsLog)
        {
            // In a cluster the tenant's owner reads the log (which may be another silo): this silo's tailer, if any,
            // reads now rather than at its next poll, and finds these events already parsed.
            if (pipeline.HasTailer)
            {
                history.RememberCommitted(events, results);
            }

            pipeline.NudgeTail();
            return;
        }

        List<PipelineEvent>? fresh = null;
        for (var i = 0; i < events.Count; i++)
        {
            if (!results[i].Duplicate && events[i].Tag is ContactEvent contactEvent)
            {
                (fresh ??= new List<PipelineEvent>(events.Count)).Add(new PipelineEvent(contactEvent, results[i].Position));
            }
        }

        // A batch belongs to one tenant (one request).
        if (fresh is not null)
        {
            pipeline.Enqueue(events[0].TenantId, fresh);
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
