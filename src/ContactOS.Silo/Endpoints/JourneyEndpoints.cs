using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using ContactOS.Analytics.Events;
using ContactOS.Grains.Ingestion;
using ContactOS.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// <c>GET /api/v2/conversations/{id}/journey</c> (policy Viewer): one conversation of the caller's tenant as the event
/// log holds it, read by its routing key (the history the grains reload, not the tenant's whole log). Each event id is
/// stored once per tenant, so duplicates a sender posted are not there. Events come in timeline order (event timestamp,
/// then event-log position for equal timestamps), each with the sentiment it counts with. Another tenant's conversation
/// answers 404, exactly as one that does not exist.
/// </summary>
internal static class JourneyEndpoints
{
    /// <summary>The longest conversation id ingestion accepts (docs/events.md): a longer one cannot exist.</summary>
    private const int MaxConversationIdLength = 128;

    private const string EmptyId = "id must be a conversation id, not empty.";

    public static IEndpointRouteBuilder MapJourneyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v2/conversations/{id}/journey", GetAsync)
            .RequireAuthorization(AuthPolicies.Viewer)
            .WithTags(ApiTags.Analytics)
            .WithSummary("One conversation's events as stored, in timeline order, each with the sentiment it counts with")
            .WithDescription("The caller's tenant's events of the conversation, duplicates left out (an event id is stored once), " +
                "ordered by event timestamp, then by arrival (event-log position) for equal timestamps. 'sentiment' is the " +
                "sender's score, else the score the silo gave the message's text at ingestion; null for events without one. " +
                "404 when the tenant has no such conversation; 400 for an id that is empty, longer than 128 characters or " +
                "holds control characters.");

        // Routing never binds an empty segment to {id}: conversations//journey would be "no such route". It is this
        // endpoint with an empty id, so it answers as one; every other path here stays a bodiless 404 (a problem body
        // from the status code pages, as for any unknown route).
        endpoints.MapGet("/api/v2/conversations/{**rest}", (string? rest) => rest == "/journey"
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [EmptyId] }, detail: EmptyId, title: "Invalid query")
                : Results.NotFound())
            .RequireAuthorization(AuthPolicies.Viewer)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<Ok<JourneyResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IEventHistory history, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return PeriodContext.Invalid("id", EmptyId);
        }

        if (ValidateId(id) is { } error)
        {
            return PeriodContext.Invalid("id", error);
        }

        var stored = await history.ReadAsync(user.GetTenantId(), [RoutingKeys.ConversationPrefix + id], long.MaxValue, cancellationToken);
        if (stored.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such conversation",
                detail: $"The tenant has no conversation '{ClientText.Escape(id)}': no event with this conversationId was ingested.");
        }

        var events = stored
            .OrderBy(e => e.Event.Timestamp)
            .ThenBy(e => e.Position)
            .Select(e => new JourneyEvent(
                e.Position, e.Event.EffectiveSentiment, JsonSerializer.SerializeToElement(e.Event, ContactEventJson.Default.ContactEvent)))
            .ToList();
        return TypedResults.Ok(new JourneyResponse(id, events));
    }

    private static string? ValidateId(string id)
    {
        if (id.Length > MaxConversationIdLength)
        {
            return $"id must be at most {MaxConversationIdLength} characters, as conversation ids are; got {id.Length}.";
        }

        return id.Any(char.IsControl) ? "id must not hold control characters, as conversation ids do not." : null;
    }

    /// <param name="ConversationId">The conversation, as asked for.</param>
    /// <param name="Events">Its events in timeline order.</param>
    internal sealed record JourneyResponse(
        [property: Description("The conversation, as asked for.")] string ConversationId,
        [property: Description("Its events in timeline order: event timestamp, then event-log position.")] IReadOnlyList<JourneyEvent> Events);

    /// <param name="Position">Where the event is in the event log: the order of arrival, which breaks timestamp ties.</param>
    /// <param name="Sentiment">The sentiment the event counts with (1-5): the sender's, else the silo's score; null when neither.</param>
    /// <param name="Event">The event as stored: as sent, with the silo's score of its text in scoredSentiment when it came without one.</param>
    internal sealed record JourneyEvent(
        [property: Description("Where the event is in the event log: the order of arrival, which breaks timestamp ties.")] long Position,
        [property: Description("The sentiment the event counts with (1-5): the sender's, else the score the silo gave its text at " +
            "ingestion; null when neither.")] int? Sentiment,
        [property: Description("The event as stored: as sent (see the ContactEvent schema), plus scoredSentiment, the silo's score " +
            "of its text, when it came without a sentiment.")] JsonElement Event);
}
