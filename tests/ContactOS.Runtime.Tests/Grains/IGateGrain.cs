namespace ContactOS.Runtime.Tests.Grains;

/// <summary>Calls that hold their turn until the test opens the probe's gate.</summary>
public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Waits for the gate; returns how many calls were inside the grain at most.</summary>
    Task<int> Wait(string label);

    [ReadOnly]
    Task<int> WaitReadOnly(string label);

    [AlwaysInterleave]
    Task<int> WaitInterleaved(string label);

    [ReadOnly]
    Task<int> Peek();
}
