namespace ContactOS.Simulation.Oracle;

/// <summary>An agent's latest <c>agent.status</c> in event time: the status and its timestamp.</summary>
public sealed record ExpectedAgent(string AgentId, string DisplayName, string Status, DateTimeOffset? Since);
