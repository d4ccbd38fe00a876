using ContactOS.Analytics.Events;
using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>
/// An event log in memory for logic tests of the pipeline: keeps the first copy of each (tenant, event id), numbers the
/// kept events in arrival order (their positions), scores messages as ingestion does, and serves histories and
/// replays like the real log. The real log on SQLite and PostgreSQL is covered by the storage and silo tests.
/// </summary>
internal sealed class MemoryEventLog(Func<string, int> score) : IEventHistory
{
    private readonly Lock _lock = new();
    private readonly List<(string TenantId, PipelineEvent Event)> _events = [];
    private readonly HashSet<(string TenantId, string Id)> _ids = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Appends a tenant's events; returns the fresh ones with their positions (duplicates left out).</summary>
    public IReadOnlyList<PipelineEvent> Append(string tenantId, IEnumerable<ContactEvent> events)
    {
        var fresh = new List<PipelineEvent>();
        lock (_lock)
        {
            foreach (var contactEvent in events)
            {
                if (!_ids.Add((tenantId, contactEvent.Id)))
                {
                    continue;
                }

                var scored = contactEvent is { Type: EventTypes.Message, Sentiment: null, Text: { } text }
                    ? contactEvent with { ScoredSentiment = score(text) }
                    : contactEvent;
                var stored = new PipelineEvent(scored, _events.Count + 1);
                _events.Add((tenantId, stored));
                fresh.Add(stored);
            }
        }

        return fresh;
    }

    public Task<IReadOnlyList<PipelineEvent>> ReadAsync(
        string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken)
    {
        var keys = routingKeys.ToHashSet(StringComparer.Ordinal);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<PipelineEvent>>([.. _events
                .Where(e => e.TenantId == tenantId && e.Event.Position < beforePosition && keys.Contains(RoutingKeys.Of(e.Event.Event)))
                .Select(e => e.Event)]);
        }
    }

    public Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<PipelineEvent>>(
                [.. _events.Where(e => e.TenantId == tenantId && e.Event.Position > afterPosition).Take(max).Select(e => e.Event)]);
        }
    }

    public Task<int> CountTenantAsync(string tenantId, long afterPosition, long throughPosition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_events.Count(e => e.TenantId == tenantId && e.Event.Position > afterPosition && e.Event.Position <= throughPosition));
        }
    }

    /// <summary>The tenants with at least one event.</summary>
    public IReadOnlyList<string> TenantIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _events.Select(e => e.TenantId).Distinct(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The position of the tenant's last event, 0 when it has none.</summary>
    public long LastPositionOf(string tenantId)
    {
        lock (_lock)
        {
            return _events.LastOrDefault(e => e.TenantId == tenantId).Event?.Position ?? 0;
        }
    }
}
