namespace ContactOS.Benchmarks.Ingest;

/// <summary>
/// One end-to-end run: accepted events per second, the events the silo answered as duplicates, and the CPU time per
/// accepted event of the silo process, of this (client) process and of the PostgreSQL server (null on SQLite, which
/// runs inside the silo, and on an external server). CPU time holds still on a shared machine where rates do not; the
/// share of the machine's CPU that other processes used meanwhile (null off Linux) says how much of it the run had.
/// </summary>
internal sealed record EndToEndRun(
    double EventsPerSecond, long Duplicates, double SiloCpuMicroseconds, double ClientCpuMicroseconds, double? ServerCpuMicroseconds,
    double? OthersCpuShare)
{
    /// <summary>The CPU time every measured process spent per accepted event (without the server's when it is unknown).</summary>
    public double TotalCpuMicroseconds => SiloCpuMicroseconds + ClientCpuMicroseconds + (ServerCpuMicroseconds ?? 0);
}
