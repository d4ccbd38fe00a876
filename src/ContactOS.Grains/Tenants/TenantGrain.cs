using ContactOS.Grains.Ingestion;
using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// A tenant's live gauges and agent roster. Conversations and agents reach it through the silo's pipeline, one call
/// per routed batch; its snapshot records the last log position it includes.
/// </summary>
// Kept for a day when idle: an idle tenant's state is in its snapshot well before then (the pipeline stores one a
// snapshot interval after the last batch), so a collection never depends on the deactivation write succeeding.
[CollectionAgeLimit(Minutes = 24 * 60)]
public sealed class TenantGrain(TenantEventPipeline pipeline) : Grain<TenantSnapshot>, ITenantGrain
{
    private static readonly IComparer<AgentState> s_rosterOrder = Comparer<AgentState>.Create(static (a, b) =>
    {
        var byName = string.CompareOrdinal(a.DisplayName, b.DisplayName);
        return byName != 0 ? byName : string.CompareOrdinal(a.AgentId, b.AgentId);
    });

    private readonly LiveGauges _gauges = new();
    private readonly Dictionary<string, AgentState> _agents = new(StringComparer.Ordinal);
    private long _position;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _gauges.Restore(State.Active, State.Pending, State.Assigned);
        foreach (var agent in State.Agents)
        {
            _agents[agent.AgentId] = agent;
        }

        _position = StateLogPosition ?? 0;

        // In a cluster the tenant may have just moved here: its route catches up from the snapshots and the log.
        pipeline.EnsureCaughtUp(GetPrimaryKeyString());
        State = new TenantSnapshot();
        return Task.CompletedTask;
    }

    public Task Apply(TenantLiveChanges changes)
    {
        if (Positions.Includes(_position, changes.Range, GrainId))
        {
            return Task.CompletedTask;
        }

        foreach (var (key, change) in changes.Gauges)
        {
            _gauges.Apply(key, change);
        }

        foreach (var agent in changes.Agents)
        {
            _agents[agent.AgentId] = agent;
        }

        _position = changes.Range.Through;
        return Task.CompletedTask;
    }

    public Task<TenantLive> GetLive()
    {
        var roster = _agents.Values.ToList();
        roster.Sort(s_rosterOrder);
        return Task.FromResult(new TenantLive(
            _gauges.Active, _gauges.Pending, roster, new Dictionary<string, long>(_gauges.Assigned, StringComparer.Ordinal)));
    }

    public Task<long> GetPosition() => Task.FromResult(_position);

    public async Task SaveSnapshot()
    {
        if (_position == (StateLogPosition ?? 0))
        {
            return;
        }

        State = new TenantSnapshot
        {
            Active = _gauges.Active,
            Pending = _gauges.Pending,
            Assigned = new Dictionary<string, long>(_gauges.Assigned, StringComparer.Ordinal),
            Agents = [.. _agents.Values],
        };
        StateLogPosition = _position;
        try
        {
            await WriteStateAsync();
        }
        finally
        {
            State = new TenantSnapshot();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveSnapshot();
}
