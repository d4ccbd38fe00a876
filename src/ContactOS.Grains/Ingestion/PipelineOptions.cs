namespace ContactOS.Grains.Ingestion;

/// <summary>Section "Pipeline": how often tenant state is snapshotted, and how long a request waits for its events to be applied.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>
    /// A tenant's grains store a snapshot at most this often while events arrive (and once more when they stop), which
    /// bounds what a restart replays from the log. Default 30 seconds.
    /// </summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an ingestion request waits for its events to be applied (read-your-writes) before it acknowledges the
    /// durable events anyway; they are applied from the log later. Default 10 seconds.
    /// </summary>
    public TimeSpan ApplyWaitLimit { get; set; } = TimeSpan.FromSeconds(10);
}
