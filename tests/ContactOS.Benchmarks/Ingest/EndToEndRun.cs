namespace ContactOS.Benchmarks.Ingest;

/// <summary>
/// One end-to-end run: accepted events per second, the events the silo answered as duplicates, and the CPU time per
/// accepted event of the silo process, of this (client) process and of the PostgreSQL server (null on SQLite, which
/// runs inside the silo, and on an external server). CPU time holds still on a shared machine where rates do not.
/// </summary>
internal sealed record EndToEndRun(
    double EventsPerSecond, long Duplicates, double SiloCpuMicroseconds, double ClientCpuMicroseconds, double? ServerCpuMicroseconds);
