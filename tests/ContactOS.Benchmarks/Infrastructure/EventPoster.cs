using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;

namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>
/// Sends event batches to <c>POST /api/v2/events</c> from several concurrent connections, as a busy platform would,
/// and adds up what the silo answered. Any answer other than 200, or any rejected item, fails the measurement: a
/// figure that includes errors would measure the error path.
/// </summary>
internal static class EventPoster
{
    public const string Path = "api/v2/events";

    public static Task<PostTotals> PostAllAsync(HttpClient http, IReadOnlyList<EventBody> bodies, int connections, CancellationToken cancellationToken = default)
    {
        var queue = Channel.CreateBounded<EventBody>(bodies.Count == 0 ? 1 : bodies.Count);
        foreach (var body in bodies)
        {
            queue.Writer.TryWrite(body);
        }

        queue.Writer.Complete();
        return PostAllAsync(http, queue.Reader, connections, cancellationToken);
    }

    /// <summary>Each of <paramref name="connections"/> workers takes the next body and waits for its answer before taking another.</summary>
    public static async Task<PostTotals> PostAllAsync(HttpClient http, ChannelReader<EventBody> bodies, int connections, CancellationToken cancellationToken = default)
    {
        var totals = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var sum = PostTotals.Zero;
            await foreach (var body in bodies.ReadAllAsync(cancellationToken))
            {
                sum += await PostAsync(http, body, cancellationToken);
            }

            return sum;
        }, cancellationToken)));
        return totals.Aggregate(PostTotals.Zero, (a, b) => a + b);
    }

    public static async Task<PostTotals> PostAsync(HttpClient http, EventBody body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body.Json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = body.Authorization;
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"POST {Path} with {body.Events} events answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}");
        }

        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        var totals = new PostTotals(root.GetProperty("accepted").GetInt64(), root.GetProperty("duplicates").GetInt64(), root.GetProperty("rejected").GetArrayLength());
        return totals.Rejected == 0
            ? totals
            : throw new InvalidOperationException($"POST {Path} rejected {totals.Rejected} of {body.Events} events: {root.GetProperty("rejected")}");
    }
}
