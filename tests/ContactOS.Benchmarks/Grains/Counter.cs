namespace ContactOS.Benchmarks.Grains;

/// <summary>An in-memory counter: the shape of the analytics grains' hot path (update state, answer synchronously).</summary>
internal sealed class Counter : ICounter
{
    private int _count;

    public Task<int> Increment(int by)
    {
        _count += by;
        return Task.FromResult(_count);
    }
}
