using ContactOS.Analytics.Sentiment.Lexicon;
using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.SentimentTraining;

/// <summary>A message's features exactly as the scorer computes them, collected into an array.</summary>
internal readonly struct FeatureReader : ITokenReader<(int Feature, float Value)[]>
{
    public static (int Feature, float Value)[] Read(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, in SentimentScan scan)
    {
        var sink = new FeatureList([]);
        SentimentFeatures.Extract(folded, tokens, scan, LexiconAnalyzer.Score(folded, tokens, scan), ref sink);
        return [.. sink.Features];
    }

    private readonly struct FeatureList(List<(int, float)> features) : IFeatureSink
    {
        public List<(int, float)> Features => features;

        public void Add(int feature, float value) => features.Add((feature, value));
    }
}
