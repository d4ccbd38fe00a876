namespace ContactOS.Grains.Queries;

/// <summary>The CSAT of the conversations whose latest assignment names the agent: responses and mean (null when none).</summary>
public sealed record AgentCsatFigures(long Responses, double? Mean);
