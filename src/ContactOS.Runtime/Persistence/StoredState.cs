namespace ContactOS.Runtime.Persistence;

/// <summary>A grain's persisted state as the store holds it.</summary>
/// <param name="Payload">Serialized state (UTF-8 JSON by default).</param>
/// <param name="ETag">Opaque version; a write must present it to succeed.</param>
/// <param name="LogPosition">Event-log position the state includes, if the grain tracks one.</param>
public sealed record StoredState(byte[] Payload, string ETag, long? LogPosition);
