namespace ContactOS.Grains.Ingestion;

/// <summary>Section "Pipeline": how often tenant state is snapshotted, which bounds the replay after a crash.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>
    /// A tenant's grains store a snapshot at most this often while events arrive (and once more when they stop); the
    /// recovery checkpoint moves at the same pace. Default 30 seconds.
    /// </summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(30);
}
