using System.Text.Json.Nodes;
using ContactOS.Analytics.Events;
using Microsoft.OpenApi;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// The event contract in the OpenAPI document: the closed sets (event types, roles, handoff reasons, resolvers, agent
/// statuses) as enums, every field described with the types it belongs to. docs/events.md has an example of each type.
/// </summary>
internal static class EventSchema
{
    private static readonly Dictionary<string, string> s_fields = new(StringComparer.Ordinal)
    {
        ["id"] = "Required. The sender's id for the event, unique per tenant (at most 128 characters, no control characters); " +
            "a repeated id is accepted and ignored, so retries are safe.",
        ["type"] = "Required. The event type; the fields each type uses are listed on them.",
        ["timestamp"] = "Required. When it happened, RFC 3339 with an offset (Z or ±hh:mm), e.g. 2026-11-22T10:15:00+01:00. Decides the " +
            "time bucket. From 2000-01-01 and at most Ingestion:MaxClockSkew (default 5 minutes) ahead of the server's clock.",
        ["conversationId"] = "Required for every type but agent.status: the conversation the event belongs to (at most 128 characters).",
        ["agentId"] = "agent.assigned and agent.status (required): the human agent (at most 128 characters).",
        ["channel"] = "conversation.started, optional: web, whatsapp, voice, email, ...",
        ["role"] = "message, required: who wrote it.",
        ["text"] = "message, optional: the text (at most 16,384 characters), scored for sentiment when no sentiment is given.",
        ["sentiment"] = "message, optional: the sender's sentiment score, 1 (very negative) to 5 (very positive).",
        ["tokens"] = "message, optional: LLM tokens used (0 or more).",
        ["cost"] = "message, optional: cost in the tenant's currency (0 to 1,000,000).",
        ["model"] = "message, optional: the model that wrote it.",
        ["intent"] = "intent.detected, required: the intent's name.",
        ["confidence"] = "intent.detected, optional: the classifier's confidence, 0 to 1.",
        ["tool"] = "tool.called, required: the tool's name.",
        ["success"] = "tool.called, required: whether the call succeeded.",
        ["latencyMs"] = "tool.called, optional: how long the call took, in milliseconds.",
        ["reason"] = "handoff.requested, required: why the AI handed over.",
        ["by"] = "conversation.resolved, required: ai (no handoff happened) or human.",
        ["csat"] = "feedback, optional: customer satisfaction, 1 to 5.",
        ["nps"] = "feedback, optional: net promoter score, 0 to 10.",
        ["status"] = "agent.status, required: the agent's new status.",
        ["displayName"] = "agent.status, optional: the agent's name as the roster shows it.",
    };

    private static readonly Dictionary<string, IReadOnlyList<string>> s_enums = new(StringComparer.Ordinal)
    {
        ["type"] = EventTypes.All,
        ["role"] = EventVocabulary.Roles,
        ["reason"] = EventVocabulary.HandoffReasons,
        ["by"] = EventVocabulary.ResolvedBy,
        ["status"] = EventVocabulary.AgentStatuses,
    };

    public static void Describe(OpenApiSchema schema, Type type)
    {
        if (type != typeof(ContactEvent) || schema.Properties is not { } properties)
        {
            return;
        }

        schema.Description = "One event. POST /api/v2/events takes a JSON array of them, NDJSON (one per line) or a single one. " +
            "Fields a type does not use are ignored, as are unknown fields.";

        // The silo's own score, stored with a message; senders cannot set it.
        properties.Remove("scoredSentiment");
        foreach (var (name, property) in properties)
        {
            if (property is not OpenApiSchema field)
            {
                continue;
            }

            field.Description = s_fields.GetValueOrDefault(name);
            if (s_enums.TryGetValue(name, out var values))
            {
                field.Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))];
            }
        }
    }
}
