using Orleans;

namespace ContactOS.Storage.Tests.Orleans;

/// <summary>A grain placed on a random silo that says where it runs.</summary>
public interface IPlacementProbeGrain : IGrainWithIntegerKey
{
    Task<string> GetSiloAsync();
}
