namespace ContactOS.Runtime.Tests.Grains;

/// <summary>Counts in memory and persists only when deactivated, as analytics grains do with snapshots.</summary>
public interface ILazyCounterGrain : IGrainWithStringKey
{
    Task Increment();

    Task<int> Get();
}
