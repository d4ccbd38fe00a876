namespace ContactOS.Analytics.Sentiment.Llm;

internal sealed record ChatChoice(ChatMessage? Message);
