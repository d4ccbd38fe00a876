using System.Buffers;
using System.Security.Claims;
using ContactOS.Analytics.Ingestion;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Ingestion;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Endpoints;

internal static class IngestionEndpoints
{
    /// <summary>The largest request body taken, 10 MB; larger bodies get 413.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>
    /// <c>POST /api/v2/events</c> (policy Ingest): a JSON array, NDJSON or a single object, up to 10,000 events. Answers once the
    /// accepted events are durable: 200 with counts and the rejected items by index and reason; 400 when nothing in
    /// the body could be taken; 413 when it is too large; 503 with Retry-After when the database is unavailable, in
    /// which case nothing was stored.
    /// </summary>
    public static IEndpointRouteBuilder MapIngestionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v2/events", IngestAsync)
            .RequireAuthorization(AuthPolicies.Ingest)
            .WithTags(ApiTags.Events)
            .WithSummary("Ingest a batch of events: a JSON array, NDJSON (one event per line) or a single event object")
            .WithDescription("Up to 10,000 events or 10 MB. Each item is validated on its own: the answer counts the events newly " +
                "stored and the duplicates (an id already stored), and lists each rejected item by zero-based index, field and " +
                "reason; the other items are stored. 400 when no item is valid or the body cannot be read. Answers once the " +
                "accepted events are durable. The event contract: docs/events.md.")
            .Accepts<IReadOnlyList<ContactOS.Analytics.Events.ContactEvent>>("application/json", "application/x-ndjson")
            .Produces<IngestionResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<IResult> IngestAsync(
        HttpRequest request, ClaimsPrincipal user, EventIngestor ingestor, IOptions<IngestionOptions> options, TimeProvider timeProvider,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        PooledBody? body;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException unreadable)
        {
            // A malformed chunk, a stalled body (408), a body cut short by a client that hung up: nothing was stored.
            ClientLog.BadRequest(loggers.CreateLogger(typeof(IngestionEndpoints).FullName!), request, unreadable.StatusCode, unreadable.Message);
            return BadRequestExceptionHandler.Problem(unreadable);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException && request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Nothing was stored and nobody is left to answer.
            ClientLog.Gone(loggers.CreateLogger(typeof(IngestionEndpoints).FullName!), request);
            return TypedResults.Empty;
        }

        if (body is null)
        {
            return TooLarge();
        }

        EventBatch batch;
        try
        {
            batch = EventBatchParser.Parse(body.Value.Memory, latestTimestamp: timeProvider.GetUtcNow() + options.Value.MaxClockSkew);
        }
        catch (EventBatchFormatException exception)
        {
            return exception.TooManyEvents
                ? TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many events")
                : TypedResults.Problem(
                    exception.Message + " Expected: a JSON array of events, NDJSON (one event per line) or a single event object.",
                    statusCode: StatusCodes.Status400BadRequest, title: "The body is not a batch of events");
        }
        finally
        {
            // The parsed batch holds its own strings, nothing of the body.
            body.Value.Dispose();
        }

        // An unavailable database surfaces as StorageUnavailableException: the silo's exception handler answers 503.
        var result = await ingestor.IngestAsync(user.GetTenantId(), batch, cancellationToken);

        if (batch.Accepted.Count == 0)
        {
            var errors = result.Rejected.ToDictionary(r => $"[{r.Index}]{(r.Field.Length > 0 ? "." + r.Field : "")}", r => new[] { r.Reason });
            return TypedResults.ValidationProblem(errors, detail: $"None of the {batch.Count} items is a valid event.", title: "No valid events");
        }

        return TypedResults.Ok(result);
    }

    /// <summary>
    /// The body in a buffer from the shared pool (a batch is commonly a few hundred kilobytes, which would otherwise be
    /// a new large-object-heap array per request), or null when it is larger than <see cref="MaxBodyBytes"/>
    /// (Content-Length may be absent or wrong).
    /// </summary>
    private static async Task<PooledBody?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // One byte more than allowed is read at most: reading it means the body is too large.
        const int Limit = MaxBodyBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } length ? (int)length + 1 : 64 * 1024);
        var used = 0;
        try
        {
            while (true)
            {
                var room = Math.Min(buffer.Length, Limit);
                if (used == room)
                {
                    if (used == Limit)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, Limit));
                    buffer.AsSpan(0, used).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    room = Math.Min(buffer.Length, Limit);
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(used, room - used), cancellationToken);
                if (read == 0)
                {
                    return new PooledBody(buffer, used);
                }

                used += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>A request body read into a pooled array; disposing it gives the array back.</summary>
    private readonly record struct PooledBody(byte[] Buffer, int Length) : IDisposable
    {
        public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(Buffer);
    }

    private static IResult TooLarge() => TypedResults.Problem(
        $"A request body holds at most {MaxBodyBytes / (1024 * 1024)} MB; split the batch.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
}
