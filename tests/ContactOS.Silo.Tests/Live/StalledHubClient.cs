using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ContactOS.Silo.Tests.Live;

/// <summary>
/// A dashboard that hangs: a bare WebSocket that opens the hub the way a browser with <c>skipNegotiation</c> does, says
/// the JSON protocol's handshake, calls <c>Watch</c>, takes the snapshot and then never reads again, so what the server
/// sends piles up in the socket buffers. The SignalR client cannot be made to stop reading its transport; this is that
/// one ability, for the test that a stalled client holds up no one else, and it speaks no more of the protocol than it
/// needs for it.
/// </summary>
internal sealed class StalledHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private const int InvocationType = 1;
    private const int CompletionType = 3;

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;

    private StalledHubClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>Connects, watches <paramref name="period"/> until its snapshot arrived, and from then on reads nothing.</summary>
    public static async Task<StalledHubClient> WatchThenStallAsync(Uri baseAddress, string path, string accessToken, string period)
    {
        var address = new UriBuilder(new Uri(baseAddress, path))
        {
            Scheme = baseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = "access_token=" + Uri.EscapeDataString(accessToken),
        };
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = new CancellationTokenSource(s_timeout);
            await socket.ConnectAsync(address.Uri, timeout.Token);
            await SendAsync(socket, """{"protocol":"json","version":1}""", timeout.Token);
            var records = ReadRecordsAsync(socket, timeout.Token).GetAsyncEnumerator(timeout.Token);
            await using (records)
            {
                if (!await records.MoveNextAsync() || records.Current.RootElement.TryGetProperty("error", out _))
                {
                    throw new InvalidOperationException($"The hub refused the handshake: {records.Current?.RootElement}");
                }

                await SendAsync(socket, JsonSerializer.Serialize(new { type = InvocationType, invocationId = "watch", target = "Watch", arguments = new[] { period } }), timeout.Token);
                var (completed, snapshot) = (false, false);
                while (!(completed && snapshot) && await records.MoveNextAsync())
                {
                    var message = records.Current.RootElement;
                    var type = message.GetProperty("type").GetInt32();
                    if (type == CompletionType && message.TryGetProperty("error", out var error))
                    {
                        throw new InvalidOperationException($"Watch({period}) failed: {error}");
                    }

                    completed |= type == CompletionType;
                    snapshot |= type == InvocationType && message.GetProperty("target").GetString() == "snapshot";
                }

                if (!(completed && snapshot))
                {
                    throw new InvalidOperationException($"The connection ended before Watch({period}) completed with a snapshot.");
                }
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new StalledHubClient(socket);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task SendAsync(ClientWebSocket socket, string json, CancellationToken cancellationToken) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>The JSON records as they arrive; reads the socket only while the caller asks for more.</summary>
    private static async IAsyncEnumerable<JsonDocument> ReadRecordsAsync(
        ClientWebSocket socket, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var unread = new StringBuilder();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                yield break;
            }

            unread.Append(chars, 0, decoder.GetChars(buffer, 0, result.Count, chars, 0));
            var text = unread.ToString();
            var records = text.Split(RecordSeparator);
            unread.Clear().Append(records[^1]);
            foreach (var record in records[..^1])
            {
                using var document = JsonDocument.Parse(record);
                yield return document;
            }
        }
    }
}
