namespace ContactOS.Analytics.Ingestion;

/// <summary>An item that failed validation: its zero-based index in the body, the field at fault and why.</summary>
public sealed record RejectedEvent(int Index, string Field, string Reason);
