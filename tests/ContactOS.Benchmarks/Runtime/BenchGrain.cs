namespace ContactOS.Benchmarks.Runtime;

/// <summary>An in-memory counter: the shape of the analytics grains' hot path (update state, answer synchronously).</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _count;

    public Task<int> Increment(int by)
    {
        _count += by;
        return Task.FromResult(_count);
    }
}
