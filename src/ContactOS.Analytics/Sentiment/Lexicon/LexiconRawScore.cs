namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>The lexicon's continuous score of a tokenized message.</summary>
internal readonly struct LexiconRawScore : ITokenReader<float>
{
    public static float Read(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, in SentimentScan scan) =>
        LexiconAnalyzer.Score(folded, tokens, scan);
}
