namespace ContactOS.Runtime.Tests.Grains;

/// <summary>Records calls in the order their turns run, yielding inside each to invite interleaving.</summary>
public interface ISequenceGrain : IGrainWithStringKey
{
    Task Append(int value);

    Task<IReadOnlyList<int>> GetAll();
}
