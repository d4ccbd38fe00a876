namespace ContactOS.Runtime.Tests.Grains;

public interface IFaultyGrain : IGrainWithStringKey
{
    Task ThrowSynchronously(string message);

    Task<int> ThrowAfterAwait(string message);

    ValueTask<int> Echo(int value);

    /// <summary>Never completes until the probe's gate opens.</summary>
    Task Hang();
}
