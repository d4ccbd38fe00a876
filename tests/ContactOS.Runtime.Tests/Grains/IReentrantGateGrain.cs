namespace ContactOS.Runtime.Tests.Grains;

public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task<int> Wait(string label);
}
