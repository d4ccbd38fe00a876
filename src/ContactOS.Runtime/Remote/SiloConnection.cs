using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;

namespace ContactOS.Runtime.Remote;

/// <summary>
/// Calls to one other silo. Calls queue in a channel; a sender takes whatever has queued as one batch and posts it,
/// with up to <see cref="MaxBatchesInFlight"/> batches on the wire at once over one HTTP/2 connection. Under load,
/// batches grow while the earlier ones are in flight, so the cost per call falls as the call rate rises.
/// <para>
/// The other silo answers a batch once every call in it is done. A <see cref="LongPollAttribute"/> call, which waits
/// there for seconds, is therefore posted alone and outside that limit: in a batch it would hold back the answers of
/// the calls beside it, and a few of them would take every slot and stall all calls to the silo.
/// </para>
/// </summary>
internal sealed class SiloConnection : IAsyncDisposable
{
    private const int MaxBatchSize = 512;
    private const int MaxBatchesInFlight = 8;

    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly Channel<PendingRemoteCall> _queue = Channel.CreateUnbounded<PendingRemoteCall>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _inFlight = new(MaxBatchesInFlight);
    private readonly HttpClient _http;
    private readonly Uri _callsUri;
    private readonly Func<long> _membershipVersion;
    private readonly string _clusterKey;
    private readonly Task _sender;

    public SiloConnection(string address, TimeSpan callTimeout, Func<long> membershipVersion, string clusterKey)
    {
        Address = address;
        _clusterKey = clusterKey;
        _membershipVersion = membershipVersion;
        _callsUri = new Uri($"http://{address}{RemoteProtocol.CallsPath}");
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(5),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
        })
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = callTimeout,
        };
        _sender = Task.Run(SendLoopAsync);
    }

    public string Address { get; }

    public void Send(PendingRemoteCall call)
    {
        if (call.Method.IsLongPoll)
        {
            // A stream of its own (HTTP/2 multiplexes them); after disposal the post fails and the caller retries.
            _ = PostAsync([call], holdsSlot: false);
            return;
        }

        if (!_queue.Writer.TryWrite(call))
        {
            call.Fail(new SiloUnavailableException($"The connection to silo {Address} is closed."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
        _http.Dispose();
    }

    private async Task SendLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _inFlight.WaitAsync().ConfigureAwait(false);
            var batch = new List<PendingRemoteCall>();
            while (batch.Count < MaxBatchSize && reader.TryRead(out var call))
            {
                batch.Add(call);
            }

            if (batch.Count == 0)
            {
                _inFlight.Release();
                continue;
            }

            _ = PostAsync(batch, holdsSlot: true);
        }

        while (reader.TryRead(out var call))
        {
            call.Fail(new SiloUnavailableException($"The connection to silo {Address} is closed."));
        }
    }

    private async Task PostAsync(List<PendingRemoteCall> batch, bool holdsSlot)
    {
        try
        {
            using var content = new ByteArrayContent(WriteRequest(batch));
            content.Headers.ContentType = s_json;
            using var request = new HttpRequestMessage(HttpMethod.Post, _callsUri)
            {
                Content = content,
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            request.Headers.Add(RemoteProtocol.ClusterKeyHeader, _clusterKey);
            request.Headers.Add(RemoteProtocol.MembershipVersionHeader, _membershipVersion().ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // Not retried: another silo will not answer differently. A setting to fix, said as such.
                var refused = new InvalidOperationException(
                    $"Silo {Address} refused this silo's calls: the two silos have different Cluster:Secret (by default " +
                    "Auth:Jwt:SigningKey) settings. Give every silo of the cluster the same one.");
                foreach (var call in batch)
                {
                    call.Fail(refused);
                }

                return;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SiloUnavailableException($"Silo {Address} answered a call batch with HTTP {(int)response.StatusCode}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body).ConfigureAwait(false);
            ReadResponse(document.RootElement, batch);
        }
        catch (Exception exception)
        {
            // The silo is down, unreachable or shutting down: nothing says whether a call ran, so each is failed as
            // unavailable and the caller retries on the owner it finds next. Grain calls between silos are queries and
            // idempotent steps, so running one twice is harmless.
            var failure = exception as SiloUnavailableException
                ?? new SiloUnavailableException($"Calling silo {Address} failed: {exception.Message}", exception);
            foreach (var call in batch)
            {
                call.Fail(failure);
            }
        }
        finally
        {
            if (holdsSlot)
            {
                _inFlight.Release();
            }
        }
    }

    private static byte[] WriteRequest(List<PendingRemoteCall> batch)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + batch.Sum(c => c.Args.Length + 96));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("calls");
            foreach (var call in batch)
            {
                writer.WriteStartObject();
                writer.WriteString("t", call.GrainId.Type);
                writer.WriteString("k", call.GrainId.Key);
                writer.WriteString("m", call.Method.Id);
                writer.WritePropertyName("a");
                writer.WriteRawValue(call.Args, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void ReadResponse(JsonElement root, List<PendingRemoteCall> batch)
    {
        var version = root.TryGetProperty("v", out var v) ? v.GetInt64() : 0;
        var results = root.GetProperty("results");
        if (results.GetArrayLength() != batch.Count)
        {
            throw new InvalidOperationException($"Silo {Address} answered {results.GetArrayLength()} results for {batch.Count} calls.");
        }

        var i = 0;
        foreach (var result in results.EnumerateArray())
        {
            var call = batch[i++];
            if (result.TryGetProperty("ok", out var value))
            {
                call.Complete(value);
            }
            else if (result.TryGetProperty("moved", out _))
            {
                call.Fail(new GrainMovedException(call.GrainId, Address, version));
            }
            else
            {
                var error = result.GetProperty("error");
                call.Fail(new RemoteCallException(
                    error.GetProperty("type").GetString() ?? "System.Exception", error.GetProperty("message").GetString() ?? string.Empty, Address));
            }
        }
    }
}
