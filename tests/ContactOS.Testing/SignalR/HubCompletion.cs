using System.Text.Json;

namespace ContactOS.Testing.SignalR;

/// <summary>The server's answer to a hub method call (message type 3): a result, or an error text.</summary>
public sealed record HubCompletion(JsonElement? Result, string? Error)
{
    public bool Succeeded => Error is null;
}
