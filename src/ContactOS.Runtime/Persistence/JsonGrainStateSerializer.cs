using System.Text.Json;

namespace ContactOS.Runtime.Persistence;

/// <summary>UTF-8 JSON (web defaults: camelCase, case-insensitive read), readable in the database.</summary>
internal sealed class JsonGrainStateSerializer : IGrainStateSerializer
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        IncludeFields = true,
    };

    public byte[] Serialize<T>(T state) => JsonSerializer.SerializeToUtf8Bytes(state, s_options);

    public T Deserialize<T>(ReadOnlySpan<byte> payload)
        => JsonSerializer.Deserialize<T>(payload, s_options)
            ?? throw new JsonException($"Stored state deserialized to null for {typeof(T).Name}.");
}
