using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOS.Analytics.Events;
using ContactOS.Testing.Processes;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>
/// A conversation platform posting to a front silo: each sender takes the next batch and re-sends it until it is
/// acknowledged. Sending can be paused: once <see cref="PauseAsync"/> returns, every batch taken is acknowledged, so
/// what was acknowledged is exactly the first <see cref="AcknowledgedBatches"/> batches of the queue.
/// </summary>
internal sealed class PlatformClient(SiloProcess front)
{
    private const int MaxAttempts = 50;
    private static readonly TimeSpan s_resendDelay = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    // Completed while senders may take batches; a pause replaces it with one that completes on resume.
    private TaskCompletionSource _sending = Open();
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _batches;
    private int _accepted;
    private int _resent;
    private long _longestTicks;

    /// <summary>How long each sender waits after an acknowledgement before it takes the next batch.</summary>
    public TimeSpan PauseBetweenBatches { get; init; }

    public int AcknowledgedBatches => Volatile.Read(ref _batches);

    /// <summary>Events the front reported as new (not duplicates).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Batches acknowledged only after more than one attempt.</summary>
    public int ResentBatches => Volatile.Read(ref _resent);

    /// <summary>The longest time from a batch's first attempt to its acknowledgement.</summary>
    public TimeSpan LongestAcknowledgement => TimeSpan.FromTicks(Interlocked.Read(ref _longestTicks));

    public string Token(string tenant) => _tokens[tenant];

    public async Task SignInAsync(string tenant, string zone)
    {
        using var response = await RequestAsync(HttpMethod.Post, "api/v2/auth/dev-token", null,
            JsonContent.Create(new { tenant, roles = new[] { "admin", "ingest", "viewer" } }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        _tokens[tenant] = answer.RootElement.GetProperty("token").GetString()!;
        using var put = await RequestAsync(HttpMethod.Put, "api/v2/tenant", _tokens[tenant], JsonContent.Create(new { displayName = tenant, timeZone = zone }));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
    }

    /// <summary>One sender: posts batches from <paramref name="batches"/> until it is empty.</summary>
    public async Task SendAllAsync(ConcurrentQueue<TenantBatch> batches)
    {
        while (await TakeAsync(batches) is { } batch)
        {
            try
            {
                await PostUntilAcknowledgedAsync(batch);
            }
            finally
            {
                Settled();
            }

            await Task.Delay(PauseBetweenBatches);
        }
    }

    /// <summary>Posts <paramref name="batch"/>, re-sending it until it is acknowledged (fails after 50 attempts).</summary>
    public async Task PostUntilAcknowledgedAsync(TenantBatch batch)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; !await TryPostAsync(batch.Tenant, batch.Events); attempt++)
        {
            Assert.True(attempt < MaxAttempts, $"a batch of tenant {batch.Tenant} was refused {attempt} times");
            if (attempt == 1)
            {
                Interlocked.Increment(ref _resent);
            }

            await Task.Delay(s_resendDelay);
        }

        var took = Stopwatch.GetElapsedTime(started).Ticks;
        for (var longest = Interlocked.Read(ref _longestTicks); took > longest; longest = Interlocked.Read(ref _longestTicks))
        {
            Interlocked.CompareExchange(ref _longestTicks, took, longest);
        }
    }

    /// <summary>Senders take no further batch; completes once every batch already taken is acknowledged (or its sender failed).</summary>
    public Task PauseAsync()
    {
        lock (_lock)
        {
            if (_sending.Task.IsCompleted)
            {
                _sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            if (_inFlight == 0)
            {
                _idle.TrySetResult();
            }

            return _idle.Task;
        }
    }

    public void Resume()
    {
        lock (_lock)
        {
            _sending.TrySetResult();
        }
    }

    private async Task<TenantBatch?> TakeAsync(ConcurrentQueue<TenantBatch> batches)
    {
        while (true)
        {
            Task sending;
            lock (_lock)
            {
                sending = _sending.Task;
                if (sending.IsCompleted)
                {
                    if (!batches.TryDequeue(out var batch))
                    {
                        return null;
                    }

                    _inFlight++;
                    return batch;
                }
            }

            await sending;
        }
    }

    private void Settled()
    {
        lock (_lock)
        {
            if (--_inFlight == 0 && !_sending.Task.IsCompleted)
            {
                _idle.TrySetResult();
            }
        }
    }

    private async Task<bool> TryPostAsync(string tenant, ContactEvent[] events)
    {
        var body = new StringBuilder("[");
        for (var i = 0; i < events.Length; i++)
        {
            body.Append(i == 0 ? "" : ",").Append(Encoding.UTF8.GetString(ContactEventJson.Serialize(events[i])));
        }

        try
        {
            using var content = new StringContent(body.Append(']').ToString(), Encoding.UTF8, "application/json");
            using var response = await RequestAsync(HttpMethod.Post, "api/v2/events", _tokens[tenant], content);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(0, answer.RootElement.GetProperty("rejected").GetArrayLength());
            Interlocked.Add(ref _accepted, answer.RootElement.GetProperty("accepted").GetInt32());
            Interlocked.Increment(ref _batches);
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<HttpResponseMessage> RequestAsync(HttpMethod method, string path, string? token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(front.BaseAddress!, path)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await front.Http.SendAsync(request);
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
