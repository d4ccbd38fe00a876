using System.Text.Json;

namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>A request the fake chat-completions server received.</summary>
internal sealed record RecordedRequest(string Path, string Authorization, JsonElement Body);
