namespace ContactOS.Benchmarks.Grains;

/// <summary>The work both sides of the grains suite call: a grain through Orleans, and a plain object (the baseline).</summary>
public interface ICounter
{
    Task<int> Increment(int by);
}
