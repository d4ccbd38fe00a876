namespace ContactOS.Storage.EventLog;

/// <summary>An event to store and when its batch was received (UTC).</summary>
internal readonly record struct EventRow(LogEvent Event, DateTime ReceivedAt);
