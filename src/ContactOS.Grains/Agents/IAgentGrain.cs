using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Agents;

/// <summary>One human agent of a tenant; key "tenant/agentId".</summary>
[Alias("contactos.agent")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds durable <c>agent.status</c> events and returns the agent's roster entry and what they change in the tenant's
    /// counters; as for conversations, a fresh activation asks for its history first (<see cref="AgentUpdate.NeedsHistory"/>).
    /// </summary>
    [Alias("apply")]
    Task<AgentUpdate> Apply(AgentBatch batch);

    /// <summary>Loads the agent's events from before the batch, then applies the batch as <see cref="Apply"/>.</summary>
    [Alias("apply-with-history")]
    Task<AgentUpdate> ApplyWithHistory(AgentStatusEntry[] history, AgentBatch batch);

    /// <summary>
    /// The agent's status intervals inside [from, until), in order (docs/analytics.md, "An agent's day"); null when the
    /// tenant has no <c>agent.status</c> from the agent.
    /// </summary>
    [ReadOnly]
    [Alias("intervals")]
    Task<StatusInterval[]?> GetIntervals(DateTimeOffset from, DateTimeOffset until);
}
