namespace ContactOS.Benchmarks.Grains;

/// <summary>The baseline's <see cref="Counter"/> in an activation: what a call costs beyond the work is Orleans'.</summary>
internal sealed class CounterGrain : Grain, ICounterGrain
{
    private readonly Counter _counter = new();

    public Task<int> Increment(int by) => _counter.Increment(by);
}
