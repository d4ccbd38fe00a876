namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// Seconds from a worker's SIGKILL to its death being in the membership table, to the last batch being acknowledged
/// and to every figure being exact (null if it never was); the figures compared last, how many of them differed, the
/// tenants the survivor rebuilt from the log, and the batches that needed more than one attempt.
/// </summary>
internal sealed record FailoverResult(
    double DetectedAfterKill, double SentAfterKill, double? ExactAfterKill, int FiguresCompared, int Differences,
    int TenantsRebuilt, int ResentBatches, string? FirstDifference)
{
    public bool Exact => ExactAfterKill is not null;

    public double? ExactAfterDetection => ExactAfterKill - DetectedAfterKill;
}
