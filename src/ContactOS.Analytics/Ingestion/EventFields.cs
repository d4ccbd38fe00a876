using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ContactOS.Analytics.Ingestion;

/// <summary>
/// The known fields of one JSON event, found in a single walk over its properties. As with a property lookup, the
/// last occurrence of a repeated name wins and unknown names are ignored.
/// </summary>
internal struct EventFields
{
    private Slots _values;
    private int _present;

    public static EventFields Collect(JsonElement item)
    {
        var fields = default(EventFields);
        foreach (var property in item.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var field = raw.IndexOf((byte)'\\') < 0 ? FieldOf(raw) : FieldOf(Encoding.UTF8.GetBytes(property.Name));
            if (field is { } known)
            {
                fields._present |= 1 << (int)known;
                fields._values[(int)known] = property.Value;
            }
        }

        return fields;
    }

    public readonly JsonElement Get(EventField field) => _values[(int)field];

    /// <summary>The value of the field named <paramref name="name"/> (a contract name such as "conversationId").</summary>
    public readonly bool TryGet(string name, out JsonElement value)
    {
        var field = FieldOf(name);
        if ((_present & (1 << (int)field)) != 0)
        {
            value = _values[(int)field];
            return true;
        }

        value = default;
        return false;
    }

    private static EventField FieldOf(string name) => name switch
    {
        "id" => EventField.Id,
        "type" => EventField.Type,
        "timestamp" => EventField.Timestamp,
        "conversationId" => EventField.ConversationId,
        "agentId" => EventField.AgentId,
        "channel" => EventField.Channel,
        "role" => EventField.Role,
        "text" => EventField.Text,
        "sentiment" => EventField.Sentiment,
        "tokens" => EventField.Tokens,
        "cost" => EventField.Cost,
        "model" => EventField.Model,
        "intent" => EventField.Intent,
        "confidence" => EventField.Confidence,
        "tool" => EventField.Tool,
        "success" => EventField.Success,
        "latencyMs" => EventField.LatencyMs,
        "reason" => EventField.Reason,
        "by" => EventField.By,
        "csat" => EventField.Csat,
        "nps" => EventField.Nps,
        "status" => EventField.Status,
        "displayName" => EventField.DisplayName,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a field of the event contract."),
    };

    private static EventField? FieldOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => EventField.Id,
        2 when name.SequenceEqual("by"u8) => EventField.By,
        3 when name.SequenceEqual("nps"u8) => EventField.Nps,
        4 when name.SequenceEqual("type"u8) => EventField.Type,
        4 when name.SequenceEqual("role"u8) => EventField.Role,
        4 when name.SequenceEqual("text"u8) => EventField.Text,
        4 when name.SequenceEqual("cost"u8) => EventField.Cost,
        4 when name.SequenceEqual("tool"u8) => EventField.Tool,
        4 when name.SequenceEqual("csat"u8) => EventField.Csat,
        5 when name.SequenceEqual("model"u8) => EventField.Model,
        6 when name.SequenceEqual("intent"u8) => EventField.Intent,
        6 when name.SequenceEqual("tokens"u8) => EventField.Tokens,
        6 when name.SequenceEqual("reason"u8) => EventField.Reason,
        6 when name.SequenceEqual("status"u8) => EventField.Status,
        7 when name.SequenceEqual("agentId"u8) => EventField.AgentId,
        7 when name.SequenceEqual("channel"u8) => EventField.Channel,
        7 when name.SequenceEqual("success"u8) => EventField.Success,
        9 when name.SequenceEqual("timestamp"u8) => EventField.Timestamp,
        9 when name.SequenceEqual("sentiment"u8) => EventField.Sentiment,
        9 when name.SequenceEqual("latencyMs"u8) => EventField.LatencyMs,
        10 when name.SequenceEqual("confidence"u8) => EventField.Confidence,
        11 when name.SequenceEqual("displayName"u8) => EventField.DisplayName,
        14 when name.SequenceEqual("conversationId"u8) => EventField.ConversationId,
        _ => null,
    };

    [InlineArray((int)EventField.Count)]
    private struct Slots
    {
        private JsonElement _element;
    }
}
