namespace ContactOS.Benchmarks.Grains;

/// <summary>A <see cref="ICounter"/> as a grain, so that both sides of a measurement run the same calling code.</summary>
[Alias("bench.counter")]
public interface ICounterGrain : IGrainWithStringKey, ICounter;
