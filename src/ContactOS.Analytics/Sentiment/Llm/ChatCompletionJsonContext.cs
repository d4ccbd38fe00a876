using System.Text.Json.Serialization;

namespace ContactOS.Analytics.Sentiment.Llm;

/// <summary>Source-generated JSON for the chat-completions wire format (snake_case: <c>max_tokens</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletionResponse))]
internal sealed partial class ChatCompletionJsonContext : JsonSerializerContext;
