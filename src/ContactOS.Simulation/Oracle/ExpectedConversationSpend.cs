namespace ContactOS.Simulation.Oracle;

/// <summary>The conversations started in the period, their messages' tokens and cost, and both per conversation (null without conversations).</summary>
public sealed record ExpectedConversationSpend(long Conversations, long Tokens, decimal Cost, double? MeanTokens, decimal? MeanCost);
