namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>Reads a tokenized message; <see cref="SentimentText.Read{TReader, TResult}"/> tokenizes once and hands
/// the tokens to one of these, so the lexicon and the model share one pass without allocating.</summary>
internal interface ITokenReader<TResult>
{
    static abstract TResult Read(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, in SentimentScan scan);
}
