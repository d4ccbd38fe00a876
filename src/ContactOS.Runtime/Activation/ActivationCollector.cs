namespace ContactOS.Runtime.Activation;

/// <summary>
/// Deactivates activations that have been idle longer than their collection age. Time is counted in
/// quanta: each tick starts a new epoch, a turn records the epoch it ran in, and an activation whose last
/// turn is far enough back is collected. Recording activity is therefore one integer write per call.
/// </summary>
internal sealed class ActivationCollector(GrainRuntime runtime) : IDisposable
{
    private ITimer? _timer;

    public void Start()
    {
        var quantum = runtime.Options.CollectionQuantum;
        _timer = runtime.TimeProvider.CreateTimer(static s => ((ActivationCollector)s!).Collect(), this, quantum, quantum);
    }

    /// <summary>Starts a new epoch and asks every idle activation to deactivate; returns how many were asked.</summary>
    public int Collect()
    {
        var epoch = runtime.AdvanceCollectionEpoch();
        var quantum = runtime.Options.CollectionQuantum;
        var collected = 0;
        foreach (var activation in runtime.Activations)
        {
            var ageLimit = activation.GrainType.CollectionAgeLimit ?? runtime.Options.CollectionAge;
            if (activation.IsIdleFor(epoch, quantum, ageLimit))
            {
                _ = activation.RequestDeactivation(DeactivationReason.IdleCollection);
                collected++;
            }
        }

        if (collected > 0)
        {
            RuntimeLog.IdleActivationsCollected(runtime.Logger, collected);
        }

        return collected;
    }

    public void Dispose() => _timer?.Dispose();
}
