namespace ContactOS.Silo.Ingestion;

/// <summary>An item of the request that was not taken: its zero-based index, the field at fault and why.</summary>
internal sealed record RejectedItem(int Index, string Field, string Reason);
