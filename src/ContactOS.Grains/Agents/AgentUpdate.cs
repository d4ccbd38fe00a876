using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Agents;

/// <summary>An agent's answer to a batch: its roster entry, or a request for its history first.</summary>
[GenerateSerializer, Immutable, Alias("contactos.agent-update")]
public sealed record AgentUpdate(bool NeedsHistory, AgentState? State)
{
    public static readonly AgentUpdate HistoryNeeded = new(true, null);
}
