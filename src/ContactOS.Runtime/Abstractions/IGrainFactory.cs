namespace ContactOS.Runtime;

/// <summary>Hands out grain references. A reference is cheap and creates nothing until it is called.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;
}
