namespace ContactOS.Storage.EventLog;

/// <summary>An event as read back from the log; <paramref name="EventTime"/> is UTC, to the microsecond.</summary>
public sealed record StoredEvent(long Position, string TenantId, string EventId, string RoutingKey, DateTimeOffset EventTime, byte[] Payload);
