using System.Globalization;
using System.Text.Json;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Ingestion;

/// <summary>
/// Turns one JSON item into a <see cref="ContactEvent"/>, or says which field is wrong and why. Unknown fields are
/// ignored, so senders can add fields before the contract knows them. The item's properties are walked once and the
/// known ones kept by slot (<see cref="EventFields"/>), so each field costs one comparison of its name, not a search.
/// </summary>
internal ref struct EventReader(JsonElement item)
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 16_384;
    private const int MaxNameLength = 200;

    private EventFields _fields;

    public string? ErrorField { get; private set; }

    public string? Error { get; private set; }

    public ContactEvent? Read()
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Fail("", $"must be a JSON object, not {Describe(item.ValueKind)}");
            return null;
        }

        _fields = EventFields.Collect(item);

        var id = RequiredString("id", MaxIdLength);
        var type = RequiredString("type", MaxNameLength);
        if (Error is not null)
        {
            return null;
        }

        if (!EventTypes.All.Contains(type))
        {
            Fail("type", $"'{type}' is not an event type; expected one of {string.Join(", ", EventTypes.All)}");
            return null;
        }

        var timestamp = Timestamp();
        var isAgentEvent = EventTypes.IsAgentEvent(type!);
        var conversationId = isAgentEvent ? OptionalString("conversationId", MaxIdLength) : RequiredString("conversationId", MaxIdLength);
        var agentId = isAgentEvent || type == EventTypes.AgentAssigned
            ? RequiredString("agentId", MaxIdLength)
            : OptionalString("agentId", MaxIdLength);
        if (Error is not null)
        {
            return null;
        }

        var result = new ContactEvent { Id = id!, Type = type!, Timestamp = timestamp, ConversationId = conversationId, AgentId = agentId };
        result = type switch
        {
            EventTypes.ConversationStarted => result with { Channel = OptionalString("channel", MaxNameLength) },
            EventTypes.Message => result with
            {
                Role = OneOf("role", EventVocabulary.Roles, required: true),
                Text = OptionalString("text", MaxTextLength),
                Sentiment = OptionalInt("sentiment", 1, 5),
                Tokens = OptionalInt("tokens", 0, int.MaxValue),
                Cost = OptionalDecimal("cost"),
                Model = OptionalString("model", MaxNameLength),
            },
            EventTypes.IntentDetected => result with
            {
                Intent = RequiredString("intent", MaxNameLength),
                Confidence = OptionalFraction("confidence"),
            },
            EventTypes.ToolCalled => result with
            {
                Tool = RequiredString("tool", MaxNameLength),
                Success = RequiredBool("success"),
                LatencyMs = OptionalInt("latencyMs", 0, int.MaxValue),
            },
            EventTypes.HandoffRequested => result with { Reason = OneOf("reason", EventVocabulary.HandoffReasons, required: true) },
            EventTypes.ConversationResolved => result with { By = OneOf("by", EventVocabulary.ResolvedBy, required: true) },
            EventTypes.Feedback => result with { Csat = OptionalInt("csat", 1, 5), Nps = OptionalInt("nps", 0, 10) },
            EventTypes.AgentStatus => result with
            {
                Status = OneOf("status", EventVocabulary.AgentStatuses, required: true),
                DisplayName = OptionalString("displayName", MaxNameLength),
            },
            _ => result,
        };
        return Error is null ? result : null;
    }

    private DateTimeOffset Timestamp()
    {
        var text = RequiredString("timestamp", 64);
        if (text is null)
        {
            return default;
        }

        // DateTimeOffset parsing would quietly assume the server's offset; event time must say its own. The JSON
        // reader's ISO-8601 parser is the fast path; general parsing takes the other forms it always accepted.
        if (!HasOffset(text)
            || !(_fields.Get(EventField.Timestamp).TryGetDateTimeOffset(out var value)
                 || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)))
        {
            Fail("timestamp", $"'{text}' is not an ISO-8601 date and time with an offset, e.g. 2026-11-22T10:15:00+01:00 or 2026-11-22T09:15:00Z");
            return default;
        }

        return value;
    }

    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (time < 0)
        {
            return false;
        }

        var tail = text.AsSpan(time);
        return tail.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || tail.IndexOfAny('+', '-') > 0;
    }

    private string? RequiredString(string name, int maxLength) => String(name, maxLength, required: true);

    private string? OptionalString(string name, int maxLength) => String(name, maxLength, required: false);

    private string? String(string name, int maxLength, bool required)
    {
        if (Error is not null)
        {
            return null;
        }

        if (!_fields.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? Fail(name, "is required") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail(name, $"must be a string, not {Describe(value.ValueKind)}");
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            return Fail(name, "must not be empty");
        }

        return text.Length > maxLength ? Fail(name, $"is longer than {maxLength:N0} characters") : text;
    }

    private string? OneOf(string name, IReadOnlyList<string> allowed, bool required)
    {
        var text = String(name, MaxNameLength, required);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        return Fail(name, $"'{text}' is not allowed; expected one of {string.Join(", ", allowed)}");
    }

    private int? OptionalInt(string name, int min, int max)
    {
        if (Error is not null || !_fields.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            Fail(name, max == int.MaxValue ? $"must be an integer of at least {min}" : $"must be an integer from {min} to {max}");
            return null;
        }

        return number;
    }

    private decimal? OptionalDecimal(string name)
    {
        if (Error is not null || !_fields.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number < 0)
        {
            Fail(name, "must be a number of at least 0");
            return null;
        }

        return number;
    }

    private double? OptionalFraction(string name)
    {
        if (Error is not null || !_fields.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number is < 0 or > 1)
        {
            Fail(name, "must be a number from 0 to 1");
            return null;
        }

        return number;
    }

    private bool? RequiredBool(string name)
    {
        if (Error is not null)
        {
            return null;
        }

        if (!_fields.TryGet(name, out var value) || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail(name, "is required and must be true or false");
            return null;
        }

        return value.GetBoolean();
    }

    private string? Fail(string field, string reason)
    {
        if (Error is null)
        {
            ErrorField = field;
            Error = field.Length == 0 ? reason : $"{field} {reason}";
        }

        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
