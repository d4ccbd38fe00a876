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
public sealed class AgentGrain(IEventHistory history) : Grain, IAgentGrain
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

    public async Task<AgentDetails> GetDetails(DateTimeOffset now)
    {
        if (!_loaded)
        {
            // Asked before any batch reached this activation: its whole history is in the log. Events still on their
            // way are the same log entries and are ignored when they arrive.
            var events = await history.ReadAsync(
                GrainKeys.TenantOf(this.GetPrimaryKeyString()), [RoutingKeys.AgentPrefix + AgentId], long.MaxValue, CancellationToken.None);
            foreach (var pipelineEvent in events)
            {
                _timeline.Add(TimelineEntries.ForAgent(pipelineEvent.Event, pipelineEvent.Position));
            }

            _loaded = true;
        }

        return new AgentDetails(_timeline.Current(AgentId), new Dictionary<string, TimeSpan>(_timeline.TimeInStatus(now), StringComparer.Ordinal));
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
