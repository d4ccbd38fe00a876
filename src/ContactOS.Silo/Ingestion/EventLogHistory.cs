using System.Collections.Concurrent;
using ContactOS.Analytics.Events;
using ContactOS.Grains.Ingestion;
using ContactOS.Storage.EventLog;

namespace ContactOS.Silo.Ingestion;

/// <summary>The grains' view of the event log: stored payloads parsed back into events, with their positions.</summary>
/// <remarks>
/// In a cluster, a worker reads back from the log every event, its own included. The events this silo itself
/// committed are remembered, parsed, until its log reader reaches them, so those are not parsed a second time.
/// </remarks>
internal sealed class EventLogHistory(IEventLog log) : IEventHistory
{
    // Bounds what is remembered should the reader stop: past this, the memory is dropped and events are parsed again.
    private const int MaxRemembered = 200_000;

    private readonly ConcurrentDictionary<long, ContactEvent> _committedHere = new();

    /// <summary>Keeps the parsed events of a batch this silo committed, for <see cref="ReadAfterAsync"/>.</summary>
    public void RememberCommitted(IReadOnlyList<LogEvent> events, IReadOnlyList<AppendResult> results)
    {
        if (_committedHere.Count > MaxRemembered)
        {
            _committedHere.Clear();
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (!results[i].Duplicate && events[i].Tag is ContactEvent contactEvent)
            {
                _committedHere[results[i].Position] = contactEvent;
            }
        }
    }

    public async Task<IReadOnlyList<PipelineEvent>> ReadAsync(
        string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken)
    {
        var stored = await log.ReadRoutingKeysAsync(tenantId, routingKeys, beforePosition, cancellationToken);
        return [.. stored.Select(e => new PipelineEvent(ContactEventJson.Deserialize(e.Payload), e.Position))];
    }

    public async Task<IReadOnlyList<(string TenantId, PipelineEvent Event)>> ReadAfterAsync(long afterPosition, int max, CancellationToken cancellationToken)
    {
        var stored = await log.ReadAsync(afterPosition, max, cancellationToken);
        return [.. stored.Select(e => (e.TenantId, new PipelineEvent(
            _committedHere.TryRemove(e.Position, out var parsed) ? parsed : ContactEventJson.Deserialize(e.Payload), e.Position)))];
    }

    public async Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken)
    {
        var stored = await log.ReadTenantAsync(tenantId, afterPosition, max, cancellationToken);
        return [.. stored.Select(e => new PipelineEvent(ContactEventJson.Deserialize(e.Payload), e.Position))];
    }

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken) => log.GetLastPositionAsync(cancellationToken);
}
