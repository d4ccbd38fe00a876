using ContactOS.Analytics.Agents;

namespace ContactOS.Grains.Agents;

/// <summary>
/// An agent's status events of one routed batch, with what <see cref="Conversations.ConversationBatch"/> carries for a
/// conversation: the tenant's time zone (its status time goes to local-hour buckets), the log position where the batch
/// starts, and the pipeline activation that sent it.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.agent-batch")]
public sealed record AgentBatch(AgentStatusEntry[] Entries, string TimeZoneId, long BatchStart, long Epoch);
