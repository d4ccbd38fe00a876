namespace ContactOS.Benchmarks.Runtime;

public interface IBenchGrain : IGrainWithStringKey
{
    Task<int> Increment(int by);
}
