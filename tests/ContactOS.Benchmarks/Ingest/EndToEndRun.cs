namespace ContactOS.Benchmarks.Ingest;

/// <summary>
/// One end-to-end run: accepted events per second, the events the silo answered as duplicates, and the CPU time per
/// accepted event of the silo process and of this (client) process; on two cores, their sum shows what is left for
/// the database.
/// </summary>
internal sealed record EndToEndRun(double EventsPerSecond, long Duplicates, double SiloCpuMicroseconds, double ClientCpuMicroseconds);
