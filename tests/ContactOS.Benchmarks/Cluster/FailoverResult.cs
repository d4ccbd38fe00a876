namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// Seconds from a worker's SIGKILL to its death being in the membership table, to the senders being done and to every
/// figure being exact (null if it never was, then <see cref="Failure"/> says why); the figures compared last, the
/// tenants that caught up with the log on the survivor after the kill, the batches that needed more than one attempt, and
/// those the front acknowledged once durable without the tenant's pipeline confirming them (after Pipeline:ApplyWaitLimit).
/// </summary>
internal sealed record FailoverResult(
    double DetectedAfterKill, double SentAfterKill, double? ExactAfterKill, int FiguresCompared, int TenantsCaughtUp, int ResentBatches,
    int UnconfirmedBatches, string? Failure)
{
    public bool Exact => ExactAfterKill is not null;

    public double? ExactAfterDetection => ExactAfterKill - DetectedAfterKill;
}
