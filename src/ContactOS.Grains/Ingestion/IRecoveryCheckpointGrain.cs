namespace ContactOS.Grains.Ingestion;

/// <summary>Where recovery starts reading the event log; key: <see cref="RecoveryCheckpointGrain.Key"/>.</summary>
public interface IRecoveryCheckpointGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<long> Get();

    /// <summary>Stores a new checkpoint (positions only move forward; a lower one is ignored).</summary>
    Task Set(long position);
}
