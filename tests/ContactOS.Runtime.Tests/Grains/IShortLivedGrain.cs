namespace ContactOS.Runtime.Tests.Grains;

public interface IShortLivedGrain : IGrainWithStringKey
{
    Task Touch();
}
