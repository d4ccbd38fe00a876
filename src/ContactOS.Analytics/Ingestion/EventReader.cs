using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Ingestion;

/// <summary>
/// Turns one JSON item into a <see cref="ContactEvent"/>, or says which field is wrong and why. Unknown fields are
/// ignored, so senders can add fields before the contract knows them. The item's properties are walked once and the
/// known ones kept by slot (<see cref="EventFields"/>), so each field costs one comparison of its name, not a search.
/// </summary>
internal ref struct EventReader(JsonElement item, DateTimeOffset latestTimestamp)
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 16_384;
    private const int MaxNameLength = 200;

    /// <summary>The largest cost one message can carry: more is a sender's mistake, and money sums stay exact in millionths.</summary>
    private const decimal MaxCost = 1_000_000m;
    private const int MaxTimestampLength = 64;

    /// <summary>Why an item whose text cannot be decoded is rejected.</summary>
    public const string InvalidTextReason =
        "holds text that is not valid UTF-8 or an unpaired surrogate escape (such as \\ud800)";

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

        var id = Identifier("id", required: true);
        var type = Known("type", EventTypes.All) ?? RequiredString("type", MaxNameLength);
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
        var conversationId = Identifier("conversationId", required: !isAgentEvent);
        var agentId = Identifier("agentId", required: isAgentEvent || type == EventTypes.AgentAssigned);
        if (Error is not null)
        {
            return null;
        }

        // The type's own fields first, then one object: a record's "with" would copy it once per step.
        string? channel = null, role = null, text = null, model = null, intent = null, tool = null, reason = null, by = null, status = null, displayName = null;
        int? sentiment = null, tokens = null, latencyMs = null, csat = null, nps = null;
        decimal? cost = null;
        double? confidence = null;
        bool? success = null;
        switch (type)
        {
            case EventTypes.ConversationStarted:
                channel = OptionalString("channel", MaxNameLength);
                break;
            case EventTypes.Message:
                role = OneOf("role", EventVocabulary.Roles, required: true);
                text = OptionalString("text", MaxTextLength);
                sentiment = OptionalInt("sentiment", 1, 5);
                tokens = OptionalInt("tokens", 0, int.MaxValue);
                cost = OptionalDecimal("cost");
                model = OptionalString("model", MaxNameLength);
                break;
            case EventTypes.IntentDetected:
                intent = RequiredString("intent", MaxNameLength);
                confidence = OptionalFraction("confidence");
                break;
            case EventTypes.ToolCalled:
                tool = RequiredString("tool", MaxNameLength);
                success = RequiredBool("success");
                latencyMs = OptionalInt("latencyMs", 0, int.MaxValue);
                break;
            case EventTypes.HandoffRequested:
                reason = OneOf("reason", EventVocabulary.HandoffReasons, required: true);
                break;
            case EventTypes.ConversationResolved:
                by = OneOf("by", EventVocabulary.ResolvedBy, required: true);
                break;
            case EventTypes.Feedback:
                csat = OptionalInt("csat", 1, 5);
                nps = OptionalInt("nps", 0, 10);
                break;
            case EventTypes.AgentStatus:
                status = OneOf("status", EventVocabulary.AgentStatuses, required: true);
                displayName = OptionalString("displayName", MaxNameLength);
                break;
        }

        if (Error is not null)
        {
            return null;
        }

        return new ContactEvent
        {
            Id = id!,
            Type = type!,
            Timestamp = timestamp,
            ConversationId = conversationId,
            AgentId = agentId,
            Channel = channel,
            Role = role,
            Text = text,
            Sentiment = sentiment,
            Tokens = tokens,
            Cost = cost,
            Model = model,
            Intent = intent,
            Confidence = confidence,
            Tool = tool,
            Success = success,
            LatencyMs = latencyMs,
            Reason = reason,
            By = by,
            Csat = csat,
            Nps = nps,
            Status = status,
            DisplayName = displayName,
        };
    }

    /// <summary>
    /// Event times the analytics can place: buckets, local days and period arithmetic stay well inside the calendar's
    /// range. A time outside is a sender's bug (or an attack), rejected here so nothing unplaceable is ever stored.
    /// </summary>
    public static readonly DateTimeOffset EarliestTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc cref="EarliestTimestamp"/>
    public static readonly DateTimeOffset LatestTimestamp = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private DateTimeOffset Timestamp()
    {
        var timestamp = ParseTimestamp();
        if (Error is null && (timestamp < EarliestTimestamp || timestamp >= LatestTimestamp))
        {
            Fail("timestamp", $"'{timestamp:O}' is outside the supported range: event times must be from " +
                $"{EarliestTimestamp:yyyy-MM-dd} up to (not including) {LatestTimestamp:yyyy-MM-dd}, UTC");
            return default;
        }

        // An event cannot have happened after now; a sender's clock may run a little ahead, by the allowed skew.
        if (Error is null && timestamp > latestTimestamp)
        {
            Fail("timestamp", $"'{timestamp:O}' is in the future: event times may be at most the allowed clock skew " +
                $"ahead of the server's clock (up to {latestTimestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} now)");
            return default;
        }

        return timestamp;
    }

    private DateTimeOffset ParseTimestamp()
    {
        // The usual case without a string: an unescaped ISO-8601 value with an offset, read from the JSON's bytes.
        if (Error is null && _fields.TryGet("timestamp", out var field) && field.ValueKind == JsonValueKind.String)
        {
            // The raw value keeps its quotes.
            var raw = JsonMarshal.GetRawUtf8Value(field);
            if (raw.Length <= MaxTimestampLength + 2 && raw.IndexOf((byte)'\\') < 0 && IsDateTimeWithOffset(raw[1..^1]) && field.TryGetDateTimeOffset(out var parsed))
            {
                return parsed;
            }
        }

        var text = RequiredString("timestamp", MaxTimestampLength);
        if (text is null)
        {
            return default;
        }

        // DateTimeOffset parsing would quietly assume the server's offset; event time must say its own. The JSON
        // reader's ISO-8601 parser is the fast path; general parsing takes the other forms it always accepted.
        if (!IsDateTimeWithOffset(text.AsSpan())
            || !(_fields.Get(EventField.Timestamp).TryGetDateTimeOffset(out var value)
                 || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)))
        {
            Fail("timestamp", $"'{text}' is not an RFC 3339 (ISO-8601) date and time with an offset (Z or ±hh:mm), " +
                "e.g. 2026-11-22T10:15:00+01:00 or 2026-11-22T09:15:00Z");
            return default;
        }

        return value;
    }

    /// <summary>
    /// Whether a text has the shape of an RFC 3339 date and time: <c>yyyy-MM-dd</c>, <c>T</c> (or a space, which RFC 3339
    /// allows), a time, and an offset, <c>Z</c> or <c>±hh:mm</c>. Works on the JSON's UTF-8 bytes and on a string's
    /// characters alike. Without this check, parsing would take a text with no offset in the server's own offset.
    /// </summary>
    private static bool IsDateTimeWithOffset<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        const int ShortestLength = 17; // yyyy-MM-ddTHH:mmZ
        if (text.Length < ShortestLength || !AreDigits(text[..4]) || !Is(text[4], '-') || !AreDigits(text[5..7]) || !Is(text[7], '-')
            || !AreDigits(text[8..10]) || !(Is(text[10], 'T') || Is(text[10], 't') || Is(text[10], ' ')))
        {
            return false;
        }

        if (Is(text[^1], 'Z') || Is(text[^1], 'z'))
        {
            return true;
        }

        var offset = text[^6..];
        return (Is(offset[0], '+') || Is(offset[0], '-')) && AreDigits(offset[1..3]) && Is(offset[3], ':') && AreDigits(offset[4..]);

        static bool Is(T value, char expected) => value == T.CreateTruncating(expected);

        static bool AreDigits(ReadOnlySpan<T> digits)
        {
            foreach (var digit in digits)
            {
                if (digit < T.CreateTruncating('0') || digit > T.CreateTruncating('9'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// An id (of the event, conversation or agent): it names grains, log rows and roster entries, and it ends up in logs
    /// and on dashboards, so control characters (NUL, line breaks, escape sequences) are refused.
    /// </summary>
    private string? Identifier(string name, bool required)
    {
        var id = String(name, MaxIdLength, required);
        var at = id is null ? -1 : id.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        if (at < 0 && id is not null)
        {
            at = id.IndexOf('\u007f', StringComparison.Ordinal);
        }

        return at < 0 ? id : Fail(name, $"must not contain control characters (U+{(int)id![at]:X4} at character {at + 1})");
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

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Fail(name, InvalidTextReason);
        }

        // No store of text takes NUL everywhere (PostgreSQL refuses it), and no sender means it.
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Fail(name, "must not contain the NUL character (U+0000)");
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            return Fail(name, "must not be empty");
        }

        return text.Length > maxLength ? Fail(name, $"is longer than {maxLength:N0} characters") : text;
    }

    private string? OneOf(string name, IReadOnlyList<string> allowed, bool required)
    {
        if (Known(name, allowed) is { } known)
        {
            return known;
        }

        var text = String(name, MaxNameLength, required);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        return Fail(name, $"'{text}' is not allowed; expected one of {string.Join(", ", allowed)}");
    }

    /// <summary>
    /// The vocabulary's own instance when the field is a string equal to one of <paramref name="allowed"/>, compared
    /// on the JSON's bytes: no string is made for the few words that most events repeat. Null otherwise, and the
    /// caller reads the field as usual (and reports what is wrong with it).
    /// </summary>
    private string? Known(string name, IReadOnlyList<string> allowed)
    {
        if (Error is not null || !_fields.TryGet(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        for (var index = 0; index < allowed.Count; index++)
        {
            if (value.ValueEquals(allowed[index]))
            {
                return allowed[index];
            }
        }

        return null;
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

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number < 0 || number > MaxCost)
        {
            Fail(name, $"must be a number from 0 to {MaxCost}");
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
