using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ContactOS.Testing.SignalR;

/// <summary>
/// A SignalR client for tests of the real server process: the JSON hub protocol (version 1) over a WebSocket, as
/// a browser speaks it with skipNegotiation (the .NET client package does not restore here). It connects straight
/// to <c>ws://host/path?access_token=...</c>; every message is a JSON record ended by 0x1E: the handshake, then
/// invocations (type 1), completions (3), pings (6) and close (7). Every wait is bounded and its failure says what
/// did arrive.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;
    private const int InvocationType = 1;
    private const int CompletionType = 3;
    private const int PingType = 6;
    private const int CloseType = 7;

    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private readonly Channel<HubInvocation> _invocations = Channel.CreateUnbounded<HubInvocation>();
    private readonly ConcurrentQueue<HubInvocation> _received = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<HubCompletion>> _calls = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string?> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _readingAllowed = CompletedGate();
    private Task _receiving = Task.CompletedTask;
    private int _lastInvocationId;
    private string? _closeReason;

    private HubTestClient(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    /// <summary>Every client method call received so far, in order.</summary>
    public IReadOnlyList<HubInvocation> Received => [.. _received];

    /// <summary>
    /// Opens the WebSocket to <paramref name="path"/> on <paramref name="baseAddress"/> (http becomes ws) with the
    /// token as <c>access_token</c>, and completes the handshake. A refused upgrade throws
    /// <see cref="HubConnectionRejectedException"/> with the HTTP status.
    /// </summary>
    public static async Task<HubTestClient> ConnectAsync(Uri baseAddress, string path, string? accessToken, CancellationToken cancellationToken = default)
    {
        var address = new UriBuilder(new Uri(baseAddress, path)) { Scheme = baseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        if (accessToken is not null)
        {
            address.Query = "access_token=" + Uri.EscapeDataString(accessToken);
        }

        // No proxy: a test machine's HTTP_PROXY must not see (or break) connections to 127.0.0.1.
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false });
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_defaultTimeout);
            await socket.ConnectAsync(address.Uri, invoker, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            invoker.Dispose();
            if (status is not 0 and not HttpStatusCode.SwitchingProtocols)
            {
                throw new HubConnectionRejectedException(status, exception);
            }

            throw;
        }

        var client = new HubTestClient(socket, invoker);
        client._receiving = client.ReceiveAsync();
        try
        {
            await client.SendRecordAsync("""{"protocol":"json","version":1}""");
            var error = await client.WithinAsync(client._handshake.Task, s_defaultTimeout, "the handshake response");
            if (error is not null)
            {
                throw new InvalidOperationException($"The hub refused the handshake: {error}");
            }
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return client;
    }

    /// <summary>Calls a hub method and waits for its completion (default 10 s).</summary>
    public async Task<HubCompletion> InvokeAsync(string method, object?[] arguments, TimeSpan? within = null)
    {
        var id = Interlocked.Increment(ref _lastInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<HubCompletion>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = completion;
        await SendRecordAsync(JsonSerializer.Serialize(new { type = InvocationType, invocationId = id, target = method, arguments }));
        return await WithinAsync(completion.Task, within ?? s_defaultTimeout, $"the completion of {method}");
    }

    /// <summary>The next client method call from the server; fails after <paramref name="within"/> or when the connection closes.</summary>
    public async Task<HubInvocation> NextAsync(TimeSpan within) =>
        await TryNextAsync(within) ?? throw new TimeoutException($"Nothing from the server within {within.TotalSeconds:0.###} s. {Describe()}");

    /// <summary>The next client method call, or null if none arrives within <paramref name="within"/>; fails when the connection closes.</summary>
    public async Task<HubInvocation?> TryNextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _invocations.Reader.ReadAsync(timeout.Token);
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

    /// <summary>
    /// Stops reading the socket, like a client that hangs: what the server sends piles up in the socket buffers
    /// (after at most one more message, which a read already under way still takes).
    /// </summary>
    public void StopReading() => Volatile.Write(ref _readingAllowed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Closes the connection the way a client does: a close frame, then waits for the server's.</summary>
    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(s_defaultTimeout);
        await _sendLock.WaitAsync(timeout.Token);
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        finally
        {
            _sendLock.Release();
        }

        await WithinAsync(_receiving, s_defaultTimeout, "the server's close frame");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        Volatile.Read(ref _readingAllowed).TrySetResult();
        try
        {
            await _receiving.WaitAsync(s_defaultTimeout);
        }
        catch (TimeoutException)
        {
            // Aborted sockets end their reads; nothing more to wait for.
        }

        _socket.Dispose();
        _invoker.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private async Task SendRecordAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + (char)RecordSeparator);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(s_defaultTimeout);
        await _sendLock.WaitAsync(timeout.Token);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        var unread = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                await Volatile.Read(ref _readingAllowed).Task.WaitAsync(_stop.Token);
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closeReason ??= $"close frame {_socket.CloseStatus} {_socket.CloseStatusDescription}";
                    return;
                }

                unread.Write(buffer.AsSpan(0, result.Count));
                var data = unread.WrittenSpan;
                var start = 0;
                int length;
                while ((length = data[start..].IndexOf(RecordSeparator)) >= 0)
                {
                    Handle(data.Slice(start, length));
                    start += length + 1;
                }

                var rest = data[start..].ToArray();
                unread.Clear();
                unread.Write(rest);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            _closeReason ??= $"socket ended: {exception.Message}";
        }
        finally
        {
            _handshake.TrySetException(new InvalidOperationException($"The connection ended before the handshake ({_closeReason})."));
            foreach (var call in _calls.Values)
            {
                call.TrySetException(new InvalidOperationException($"The connection ended before the completion ({_closeReason})."));
            }

            _invocations.Writer.TryComplete();
        }
    }

    private void Handle(ReadOnlySpan<byte> record)
    {
        using var document = JsonDocument.Parse(record.ToArray());
        var message = document.RootElement;
        if (!_handshake.Task.IsCompleted)
        {
            _handshake.TrySetResult(message.TryGetProperty("error", out var refused) ? refused.GetString() : null);
            return;
        }

        switch (message.GetProperty("type").GetInt32())
        {
            case InvocationType:
                var invocation = new HubInvocation(
                    message.GetProperty("target").GetString()!,
                    [.. message.GetProperty("arguments").EnumerateArray().Select(argument => argument.Clone())],
                    Stopwatch.GetTimestamp());
                _received.Enqueue(invocation);
                _invocations.Writer.TryWrite(invocation);
                break;
            case CompletionType:
                if (_calls.TryRemove(message.GetProperty("invocationId").GetString()!, out var call))
                {
                    call.TrySetResult(new HubCompletion(
                        message.TryGetProperty("result", out var result) ? result.Clone() : null,
                        message.TryGetProperty("error", out var error) ? error.GetString() : null));
                }

                break;
            case PingType:
                break;
            case CloseType:
                _closeReason = $"close message: {(message.TryGetProperty("error", out var reason) ? reason.GetString() : "no error")}";
                break;
            default:
                throw new InvalidDataException($"Unexpected hub message: {message.GetRawText()}");
        }
    }

    private async Task<T> WithinAsync<T>(Task<T> task, TimeSpan within, string what)
    {
        try
        {
            return await task.WaitAsync(within);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {what} within {within.TotalSeconds:0.###} s. {Describe()}");
        }
    }

    private async Task WithinAsync(Task task, TimeSpan within, string what)
    {
        try
        {
            await task.WaitAsync(within);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {what} within {within.TotalSeconds:0.###} s. {Describe()}");
        }
    }

    private string Describe()
    {
        var received = Received;
        var state = _closeReason is null ? "The connection is open" : $"The connection ended ({_closeReason})";
        return received.Count == 0
            ? $"{state}; nothing was received."
            : $"{state}; received {received.Count}: {string.Join("; ", received.TakeLast(5))}";
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}
