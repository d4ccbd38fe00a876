using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace ContactOS.Testing.SignalR;

/// <summary>
/// A dashboard's connection to the analytics hub: the SignalR .NET client's <see cref="HubConnection"/> (negotiation,
/// transport, handshake, hub protocol and keep-alive are the client's own), with the <c>snapshot</c> and <c>update</c>
/// messages the hub pushes kept in arrival order, so a test can await the next one within a bound. A refused
/// connection fails in <see cref="ConnectAsync"/> as the client reports it: an <see cref="HttpRequestException"/>
/// with the status of the negotiation.
/// </summary>
public sealed class LiveConnection : IAsyncDisposable
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly string[] s_pushedMethods = ["snapshot", "update"];

    private readonly HubConnection _connection;
    private readonly Channel<LiveMessage> _messages = Channel.CreateUnbounded<LiveMessage>();
    private readonly ConcurrentQueue<LiveMessage> _received = new();
    private string? _closeReason;

    private LiveConnection(HubConnection connection)
    {
        _connection = connection;
        foreach (var method in s_pushedMethods)
        {
            connection.On<JsonElement>(method, payload => Record(new LiveMessage(method, payload, Stopwatch.GetTimestamp())));
        }

        connection.Closed += error =>
        {
            _closeReason = error is null ? "closed" : $"closed: {error.Message}";
            _messages.Writer.TryComplete();
            return Task.CompletedTask;
        };
    }

    /// <summary>Connects to <paramref name="path"/> on <paramref name="baseAddress"/> with the token (none when null).</summary>
    public static async Task<LiveConnection> ConnectAsync(Uri baseAddress, string path, string? accessToken, CancellationToken cancellationToken = default)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, path), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult(accessToken);
                // No proxy: a test machine's HTTP_PROXY must not see (or break) connections to 127.0.0.1.
                options.HttpMessageHandlerFactory = handler =>
                {
                    if (handler is HttpClientHandler http)
                    {
                        http.UseProxy = false;
                    }

                    return handler;
                };
                options.WebSocketConfiguration = webSocket => webSocket.Proxy = null;
            })
            .Build();
        var live = new LiveConnection(connection);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_defaultTimeout);
            await connection.StartAsync(timeout.Token);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return live;
    }

    /// <summary>Calls a hub method and waits for its completion (at most 10 s); a refusal throws the client's <c>HubException</c>.</summary>
    public async Task InvokeAsync(string method, params object?[] arguments)
    {
        using var timeout = new CancellationTokenSource(s_defaultTimeout);
        await _connection.InvokeCoreAsync(method, arguments, timeout.Token);
    }

    /// <summary>The next pushed message; fails after <paramref name="within"/> or when the connection closes.</summary>
    public async Task<LiveMessage> NextAsync(TimeSpan within) =>
        await TryNextAsync(within) ?? throw new TimeoutException($"Nothing from the server within {within.TotalSeconds:0.###} s. {Describe()}");

    /// <summary>The next pushed message, or null if none arrives within <paramref name="within"/>; fails when the connection closes.</summary>
    public async Task<LiveMessage?> TryNextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The connection closed. {Describe()}");
        }
    }

    /// <summary>Closes the connection as a dashboard does when it leaves.</summary>
    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(s_defaultTimeout);
        await _connection.StopAsync(timeout.Token);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void Record(LiveMessage message)
    {
        _received.Enqueue(message);
        _messages.Writer.TryWrite(message);
    }

    private string Describe()
    {
        var received = _received.ToArray();
        var state = _closeReason is null ? $"The connection is {_connection.State}" : $"The connection {_closeReason}";
        return received.Length == 0
            ? $"{state}; nothing was received."
            : $"{state}; received {received.Length}: {string.Join("; ", received.TakeLast(5))}";
    }
}
