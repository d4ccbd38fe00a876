using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Agents;

/// <summary>One human agent of a tenant; key "tenant/agentId".</summary>
[Alias("contactos.agent")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds durable <c>agent.status</c> events and returns the agent's roster entry; as for conversations, a fresh
    /// activation asks for its history first (<see cref="AgentUpdate.NeedsHistory"/>).
    /// </summary>
    [Alias("apply")]
    Task<AgentUpdate> Apply(AgentStatusEntry[] entries);

    /// <summary>Loads the agent's events from before the batch, then applies the batch.</summary>
    [Alias("apply-with-history")]
    Task<AgentState?> ApplyWithHistory(AgentStatusEntry[] history, AgentStatusEntry[] entries);
}
