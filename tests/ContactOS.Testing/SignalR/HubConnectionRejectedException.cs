using System.Net;

namespace ContactOS.Testing.SignalR;

/// <summary>The server refused the WebSocket upgrade (e.g. 401 without a valid token, 403 without the role).</summary>
public sealed class HubConnectionRejectedException(HttpStatusCode statusCode, Exception inner)
    : Exception($"The hub refused the connection with {(int)statusCode} {statusCode}.", inner)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
