namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>What <see cref="SentimentTokenizer"/> found besides the tokens themselves.</summary>
internal struct SentimentScan
{
    public int TokenCount;
    public int FoldedLength;
    public int Exclamations;
    public int Questions;

    /// <summary>Words of three or more letters in capitals ("NOW", "NOT"): shouting.</summary>
    public int ShoutedWords;
}
