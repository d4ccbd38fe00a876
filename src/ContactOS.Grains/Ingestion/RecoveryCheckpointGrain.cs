namespace ContactOS.Grains.Ingestion;

/// <summary>
/// The log position recovery replays after (see <see cref="TenantEventPipeline.ComputeCheckpoint"/>): every tenant's
/// snapshot includes all of its events up to it.
/// </summary>
public sealed class RecoveryCheckpointGrain : Grain<RecoveryCheckpoint>, IRecoveryCheckpointGrain
{
    public const string Key = "event-log";

    public Task<long> Get() => Task.FromResult(State.Position);

    public async Task Set(long position)
    {
        if (position <= State.Position)
        {
            return;
        }

        State.Position = position;
        StateLogPosition = position;
        await WriteStateAsync();
    }
}
