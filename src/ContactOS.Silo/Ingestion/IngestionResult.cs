namespace ContactOS.Silo.Ingestion;

/// <summary>What happened to a batch: events newly stored, events already stored before (same id), and rejected items.</summary>
internal sealed record IngestionResult(int Accepted, int Duplicates, IReadOnlyList<RejectedItem> Rejected);
