using ContactOS.Analytics.Sentiment.Lexicon;

namespace ContactOS.Analytics.Sentiment.Model;

/// <summary>The 1-5 score of a tokenized message: the model picks the side, the lexicon how far along it.</summary>
internal readonly struct ModelScore : ITokenReader<int>
{
    public static int Read(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, in SentimentScan scan)
    {
        var (polarity, lexiconScore) = SentimentModel.Classify(folded, tokens, scan);
        return SentimentScale.FromPolarity(polarity, lexiconScore);
    }
}
