using ContactOS.Analytics.Events;
using ContactOS.Grains.Ingestion;
using ContactOS.Storage.EventLog;

namespace ContactOS.Silo.Ingestion;

/// <summary>The grains' view of the event log: stored payloads parsed back into events, with their positions.</summary>
internal sealed class EventLogHistory(IEventLog log) : IEventHistory
{
    public async Task<IReadOnlyList<PipelineEvent>> ReadAsync(
        string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken)
    {
        var stored = await log.ReadRoutingKeysAsync(tenantId, routingKeys, beforePosition, cancellationToken);
        return [.. stored.Select(e => new PipelineEvent(ContactEventJson.Deserialize(e.Payload), e.Position))];
    }

    public async Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken)
    {
        var stored = await log.ReadTenantAsync(tenantId, afterPosition, max, cancellationToken);
        return [.. stored.Select(e => new PipelineEvent(ContactEventJson.Deserialize(e.Payload), e.Position))];
    }

    public Task<int> CountTenantAsync(string tenantId, long afterPosition, long throughPosition, CancellationToken cancellationToken) =>
        log.CountTenantAsync(tenantId, afterPosition, throughPosition, cancellationToken);
}
