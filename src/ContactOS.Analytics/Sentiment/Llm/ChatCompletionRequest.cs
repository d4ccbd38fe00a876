namespace ContactOS.Analytics.Sentiment.Llm;

/// <summary>The subset of the OpenAI chat-completions request that every compatible server accepts.</summary>
internal sealed record ChatCompletionRequest(string Model, float Temperature, int MaxTokens, IReadOnlyList<ChatMessage> Messages);
