using System.Net;
using System.Net.Sockets;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>
/// A small HTTP server on a free port of 127.0.0.1 for a service the silo calls out to (a model, a collector): it hands
/// each request to <see cref="HandleAsync"/> until disposed.
/// </summary>
internal abstract class LoopbackListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private Task? _serving;

    protected LoopbackListener()
    {
        Root = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(Root.ToString());
        _listener.Start();
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; }

    public virtual async ValueTask DisposeAsync()
    {
        _listener.Stop();
        if (_serving is not null)
        {
            await _serving;
        }

        _listener.Close();
    }

    /// <summary>Starts taking requests; called by the subclass once it is ready for them.</summary>
    protected void Serve() => _serving = ServeAsync();

    protected abstract Task HandleAsync(HttpListenerContext context);

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

            await HandleAsync(context);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
