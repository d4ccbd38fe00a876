namespace ContactOS.Grains.Ingestion;

/// <summary>What <see cref="RecoveryCheckpointGrain"/> stores.</summary>
public sealed class RecoveryCheckpoint
{
    public long Position { get; set; }
}
