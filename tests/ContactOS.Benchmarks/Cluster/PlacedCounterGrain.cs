using ContactOS.Benchmarks.Grains;
using Orleans.Placement;
using Orleans.Runtime;

namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// The grains suite's <see cref="Counter"/> in an activation placed on the caller's silo: a call from the other silo then
/// measures what crossing silos adds to the same work.
/// </summary>
[PreferLocalPlacement]
internal sealed class PlacedCounterGrain(ILocalSiloDetails silo) : Grain, IPlacedCounterGrain
{
    private readonly Counter _counter = new();

    public Task<int> Increment(int by) => _counter.Increment(by);

    public Task<SiloAddress> Silo() => Task.FromResult(silo.SiloAddress);
}
