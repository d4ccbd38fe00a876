using System.Collections.Concurrent;
using System.Net;
using ContactOS.Silo.Tests.Hosting;

namespace ContactOS.Silo.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP collector stand-in on 127.0.0.1: it takes every POST (protobuf bodies to <c>/v1/traces</c>,
/// <c>/v1/metrics</c>, <c>/v1/logs</c>), keeps the body, and answers 200.
/// </summary>
internal sealed class OtlpReceiver : LoopbackListener
{
    public OtlpReceiver() => Serve();

    public Uri Endpoint => Root;

    public ConcurrentQueue<(string Path, byte[] Body)> Posts { get; } = new();

    /// <summary>Whether a post to <paramref name="path"/> carried <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    public bool Received(string path, string text) =>
        Posts.Any(post => post.Path == path && post.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0);

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        Posts.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
        context.Response.StatusCode = 200;
        context.Response.Close();
    }
}
