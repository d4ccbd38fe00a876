using Orleans;
using Orleans.Placement;

namespace ContactOS.Storage.Tests.Orleans;

[RandomPlacement]
public sealed class PlacementProbeGrain : Grain, IPlacementProbeGrain
{
    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);
}
