using System.Collections.Concurrent;

namespace ContactOS.Runtime.Tests.Grains;

public sealed class Probe
{
    private int _inside;
    private int _maxInside;
    private int _activations;
    private int _deactivations;

    public int Activations => Volatile.Read(ref _activations);

    public int Deactivations => Volatile.Read(ref _deactivations);

    public int MaxConcurrent => Volatile.Read(ref _maxInside);

    public int Inside => Volatile.Read(ref _inside);

    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentQueue<DeactivationReason> DeactivationReasons { get; } = new();

    /// <summary>Completes to let grain calls waiting on the gate go on.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Activated() => Interlocked.Increment(ref _activations);

    public void Deactivated(DeactivationReason reason)
    {
        DeactivationReasons.Enqueue(reason);
        Interlocked.Increment(ref _deactivations);
    }

    public void Enter()
    {
        var inside = Interlocked.Increment(ref _inside);
        int max;
        while (inside > (max = Volatile.Read(ref _maxInside)) && Interlocked.CompareExchange(ref _maxInside, inside, max) != max)
        {
        }
    }

    public void Leave() => Interlocked.Decrement(ref _inside);
}
