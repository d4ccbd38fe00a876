using System.Text.Json;

namespace ContactOS.Testing.SignalR;

/// <summary>A message the hub pushed to a <see cref="LiveConnection"/>.</summary>
/// <param name="Target">The client method, <c>snapshot</c> or <c>update</c>.</param>
/// <param name="Payload">Its argument as sent.</param>
/// <param name="ReceivedAt">When the client handed it over (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
public sealed record LiveMessage(string Target, JsonElement Payload, long ReceivedAt)
{
    public override string ToString() => $"{Target}({Payload.GetRawText()})";
}
