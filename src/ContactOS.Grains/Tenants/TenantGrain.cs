using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Ingestion;
using Orleans.Placement;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// A tenant's live gauges and agent roster. Conversations and agents reach it through the tenant's pipeline grain, one
/// call per routed batch; its snapshot records the last log position it includes.
/// </summary>
[PreferLocalPlacement]
public sealed class TenantGrain(
    [PersistentState("tenant", GrainStorageNames.Snapshots)] IPersistentState<TenantSnapshot> snapshot)
    : Grain, ITenantGrain
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
        var state = snapshot.State;
        _gauges.Restore(state.Active, state.Pending, state.Assigned);
        foreach (var agent in state.Agents)
        {
            _agents[agent.AgentId] = agent;
        }

        _position = state.Position;

        // After a restart or a move the tenant's pipeline catches up with the log; not awaited, since it calls back here.
        GrainFactory.GetGrain<ITenantPipelineGrain>(this.GetPrimaryKeyString()).Wake().Ignore();
        return Task.CompletedTask;
    }

    public Task Apply(TenantLiveChanges changes)
    {
        if (Positions.Includes(_position, changes.Range, changes.Expected, this.GetGrainId()))
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
        var roster = _agents.Values.ToArray();
        Array.Sort(roster, s_rosterOrder);
        return Task.FromResult(new TenantLive(
            _gauges.Active, _gauges.Pending, roster, new Dictionary<string, long>(_gauges.Assigned, StringComparer.Ordinal)));
    }

    public Task<long> GetPosition() => Task.FromResult(_position);

    /// <remarks>
    /// The state object always holds the last stored snapshot: Orleans hands it to the next activation when it migrates
    /// the grain, which then starts from a consistent snapshot and is brought up to date by the tenant's pipeline.
    /// </remarks>
    public async Task SaveSnapshot()
    {
        if (_position == snapshot.State.Position)
        {
            return;
        }

        var stored = snapshot.State;
        snapshot.State = new TenantSnapshot
        {
            Active = _gauges.Active,
            Pending = _gauges.Pending,
            Assigned = new Dictionary<string, long>(_gauges.Assigned, StringComparer.Ordinal),
            Agents = [.. _agents.Values],
            Position = _position,
        };
        try
        {
            await snapshot.WriteStateAsync();
        }
        catch
        {
            // Not stored: the state object goes back to what is.
            snapshot.State = stored;
            throw;
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveSnapshot();
}
