namespace ContactOS.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds and persists; returns the new value.</summary>
    Task<int> Add(int amount);

    [ReadOnly]
    Task<int> Get();

    /// <summary>An id unique to the activation that answers.</summary>
    [ReadOnly]
    Task<Guid> GetActivationId();

    Task Deactivate();

    Task Clear();
}
