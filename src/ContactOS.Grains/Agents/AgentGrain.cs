using ContactOS.Analytics.Agents;
using ContactOS.Grains.Ingestion;
using Orleans.Placement;

namespace ContactOS.Grains.Agents;

/// <summary>
/// An agent's status history in event time. Like conversations, it stores nothing of its own: the event log is its
/// state, reloaded on a later activation.
/// </summary>
/// <remarks>Placed beside its caller, the tenant's pipeline grain, so a batch's calls stay on one silo.</remarks>
[PreferLocalPlacement]
public sealed class AgentGrain : Grain, IAgentGrain
{
    private readonly AgentTimeline _timeline = new();
    private bool _loaded;

    private string AgentId => this.GetPrimaryKeyString()[(GrainKeys.TenantOf(this.GetPrimaryKeyString()).Length + 1)..];

    public Task<AgentUpdate> Apply(AgentStatusEntry[] entries) =>
        Task.FromResult(_loaded ? new AgentUpdate(false, Add(entries)) : AgentUpdate.HistoryNeeded);

    public Task<AgentState?> ApplyWithHistory(AgentStatusEntry[] history, AgentStatusEntry[] entries)
    {
        if (!_loaded)
        {
            foreach (var entry in history)
            {
                _timeline.Add(entry);
            }

            _loaded = true;
        }

        return Task.FromResult(Add(entries));
    }

    private AgentState? Add(AgentStatusEntry[] entries)
    {
        foreach (var entry in entries)
        {
            _timeline.Add(entry);
        }

        return _timeline.Current(AgentId);
    }
}
