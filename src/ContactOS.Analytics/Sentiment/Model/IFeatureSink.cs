namespace ContactOS.Analytics.Sentiment.Model;

/// <summary>Receives a message's features: scoring adds up weights, training collects them.</summary>
internal interface IFeatureSink
{
    void Add(int feature, float value);
}
