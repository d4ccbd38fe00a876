namespace ContactOS.Runtime.Tests.Grains;

public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly List<int> _values = [];

    public async Task Append(int value)
    {
        var probe = ProbeRegistry.For(GetPrimaryKeyString());
        probe.Enter();
        try
        {
            await Task.Yield();
            _values.Add(value);
        }
        finally
        {
            probe.Leave();
        }
    }

    public Task<IReadOnlyList<int>> GetAll() => Task.FromResult<IReadOnlyList<int>>([.. _values]);
}
