using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ContactOS.Storage.Tests.EventLog;

/// <summary>
/// The log reaches PostgreSQL through a local TCP relay. During the outage the relay drops every open connection and
/// closes each new one at once, as a server that went away; afterwards it relays again, as the server back up.
/// </summary>
internal sealed class PostgresRelayOutage : DatabaseOutage
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpClient> _open = [];
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly Task _accepting;
    private volatile bool _down;

    public PostgresRelayOutage(IReadOnlyDictionary<string, string?> settings)
    {
        var server = new NpgsqlConnectionStringBuilder(settings["Storage:ConnectionString"]);
        _serverHost = server.Host!;
        _serverPort = server.Port;
        _listener.Start();
        server.Host = "127.0.0.1";
        server.Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        server.Timeout = 3;
        Settings = new Dictionary<string, string?>(settings) { ["Storage:ConnectionString"] = server.ConnectionString };
        _accepting = AcceptAsync();
    }

    public override IReadOnlyDictionary<string, string?> Settings { get; }

    public override Task BeginAsync()
    {
        _down = true;
        lock (_open)
        {
            foreach (var socket in _open)
            {
                socket.Dispose();
            }

            _open.Clear();
        }

        return Task.CompletedTask;
    }

    public override Task EndAsync()
    {
        _down = false;
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await BeginAsync();
        await _accepting;
        _stopping.Dispose();
        await base.DisposeAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_down)
            {
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            try
            {
                await server.ConnectAsync(_serverHost, _serverPort, _stopping.Token);
                lock (_open)
                {
                    _open.Add(client);
                    _open.Add(server);
                }

                await Task.WhenAny(
                    client.GetStream().CopyToAsync(server.GetStream(), _stopping.Token),
                    server.GetStream().CopyToAsync(client.GetStream(), _stopping.Token));
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The outage (or the end of the test) closed the connection: exactly what the relay is for.
            }
            finally
            {
                lock (_open)
                {
                    _open.Remove(client);
                    _open.Remove(server);
                }
            }
        }
    }
}
