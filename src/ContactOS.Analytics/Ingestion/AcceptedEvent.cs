using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Ingestion;

/// <summary>A valid event and its zero-based index in the request body.</summary>
public sealed record AcceptedEvent(int Index, ContactEvent Event);
