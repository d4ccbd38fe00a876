namespace ContactOS.Analytics.Sentiment.Llm;

internal sealed record ChatMessage(string Role, string? Content);
