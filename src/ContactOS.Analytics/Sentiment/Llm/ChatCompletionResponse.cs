namespace ContactOS.Analytics.Sentiment.Llm;

/// <summary>The part of a chat-completions response the scorer reads: <c>choices[0].message.content</c>.</summary>
internal sealed record ChatCompletionResponse(IReadOnlyList<ChatChoice>? Choices);
