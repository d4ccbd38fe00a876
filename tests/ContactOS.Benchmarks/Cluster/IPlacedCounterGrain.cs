using ContactOS.Benchmarks.Grains;

namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// A <see cref="ICounter"/> grain that stays on the silo that first called it, so the suite decides which silo a call
/// crosses to, and can check where each one lives.
/// </summary>
[Alias("bench.placed-counter")]
public interface IPlacedCounterGrain : IGrainWithStringKey, ICounter
{
    /// <summary>The silo the activation lives on.</summary>
    [Alias("silo")]
    Task<SiloAddress> Silo();
}
