using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ContactOS.Silo.Tests.Ingestion;

/// <summary>
/// A model server on 127.0.0.1 that has stopped answering: it takes each chat-completions request, records how many
/// messages its user prompt lists, and never answers until disposed.
/// </summary>
internal sealed class HangingModel : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly ConcurrentBag<HttpListenerContext> _held = [];

    public HangingModel()
    {
        var root = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(root);
        _listener.Start();
        BaseUrl = root + "v1";
        _serving = ServeAsync();
    }

    /// <summary>To configure as <c>Sentiment:Llm:BaseUrl</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Per request received, the number of messages it asked to score.</summary>
    public ConcurrentQueue<int> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _held)
        {
            context.Response.Abort();
        }

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

            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            var prompt = body.RootElement.GetProperty("messages")[1].GetProperty("content").GetString()!;
            Requests.Enqueue(prompt.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            _held.Add(context);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
