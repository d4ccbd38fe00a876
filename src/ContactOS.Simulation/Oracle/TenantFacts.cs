using ContactOS.Analytics.Events;

namespace ContactOS.Simulation.Oracle;

/// <summary>One tenant's conversations and agent roster, derived from its de-duplicated events.</summary>
internal sealed record TenantFacts(IReadOnlyList<ConversationFacts> Conversations, IReadOnlyList<ExpectedAgent> Agents)
{
    public static TenantFacts Empty { get; } = new([], []);

    public static TenantFacts From(IReadOnlyList<ArrivedEvent> events, Func<string, int> scorer)
    {
        var conversations = events
            .Where(e => !EventTypes.IsAgentEvent(e.Event.Type) && e.Event.ConversationId is not null)
            .GroupBy(e => e.Event.ConversationId!, StringComparer.Ordinal)
            .Select(g => ConversationFacts.From(g.Key, g, scorer))
            .ToList();

        var agents = events
            .Where(e => e.Event.Type == EventTypes.AgentStatus && e.Event.AgentId is not null && e.Event.Status is not null)
            .GroupBy(e => e.Event.AgentId!, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.OrderBy(e => e.Event.Timestamp).ThenBy(e => e.Arrival).Select(e => e.Event).ToList();
                var latest = ordered[^1];
                var name = ordered.LastOrDefault(e => !string.IsNullOrWhiteSpace(e.DisplayName))?.DisplayName ?? g.Key;
                return new ExpectedAgent(g.Key, name, latest.Status!, latest.Timestamp);
            })
            .ToList();

        // An agent with open conversations assigned who never sent a status is on the roster, busy, named by id.
        var reported = agents.Select(a => a.AgentId).ToHashSet(StringComparer.Ordinal);
        agents = agents
            .Concat(conversations
                .Select(c => c.OpenWithAgent)
                .OfType<string>()
                .Where(agentId => !reported.Contains(agentId))
                .Distinct(StringComparer.Ordinal)
                .Select(agentId => new ExpectedAgent(agentId, agentId, "busy", null)))
            .OrderBy(a => a.DisplayName, StringComparer.Ordinal)
            .ThenBy(a => a.AgentId, StringComparer.Ordinal)
            .ToList();

        return new TenantFacts(conversations, agents);
    }
}
