using System.Text.Json;

namespace ContactOS.Testing.SignalR;

/// <summary>A message the server sent to the client (type 1 without an invocation id): a client method and its arguments.</summary>
/// <param name="Target">The client method, e.g. <c>update</c>.</param>
/// <param name="Arguments">Its arguments as sent.</param>
/// <param name="ReceivedAt">When the client read it (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
public sealed record HubInvocation(string Target, IReadOnlyList<JsonElement> Arguments, long ReceivedAt)
{
    /// <summary>The first argument, which is the payload of every method our hubs call.</summary>
    public JsonElement Payload => Arguments.Count > 0
        ? Arguments[0]
        : throw new InvalidOperationException($"'{Target}' came without arguments.");

    public override string ToString() => $"{Target}({string.Join(", ", Arguments.Select(argument => argument.GetRawText()))})";
}
