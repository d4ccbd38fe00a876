using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactOS.Analytics.Events;

/// <summary>The canonical JSON of an event, as the event log stores it (camelCase, nulls left out).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContactEvent))]
public sealed partial class ContactEventJson : JsonSerializerContext
{
    public static byte[] Serialize(ContactEvent contactEvent) => JsonSerializer.SerializeToUtf8Bytes(contactEvent, Default.ContactEvent);

    public static ContactEvent Deserialize(ReadOnlySpan<byte> json)
        => JsonSerializer.Deserialize(json, Default.ContactEvent) ?? throw new JsonException("A stored event is null.");
}
