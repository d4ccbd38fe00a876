namespace ContactOS.Storage.EventLog;

/// <summary>
/// An event to append to the log. <paramref name="EventId"/> is the sender's id, unique per tenant: appending it again
/// is accepted and reported as a duplicate. <paramref name="RoutingKey"/> names what the event is about (for example
/// "conversation:c-42"); storage does not interpret it. <paramref name="EventTime"/> is kept in UTC to the microsecond.
/// <paramref name="Payload"/> is the event as sent (usually its JSON), stored byte for byte.
/// </summary>
public sealed record LogEvent(
    string TenantId, string EventId, string RoutingKey, DateTimeOffset EventTime, ReadOnlyMemory<byte> Payload);
