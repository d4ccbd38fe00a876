using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ContactOS.Silo.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP collector stand-in on 127.0.0.1: it takes every POST (protobuf bodies to <c>/v1/traces</c>,
/// <c>/v1/metrics</c>, <c>/v1/logs</c>), keeps the body, and answers 200.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public OtlpReceiver()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Posts { get; } = new();

    /// <summary>Whether a post to <paramref name="path"/> carried <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    public bool Received(string path, string text) =>
        Posts.Any(post => post.Path == path && post.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Posts.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
