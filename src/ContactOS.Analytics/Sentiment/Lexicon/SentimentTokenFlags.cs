namespace ContactOS.Analytics.Sentiment.Lexicon;

[Flags]
internal enum SentimentTokenFlags : byte
{
    None = 0,

    /// <summary>Two or more capitals and no lower-case letter: shouting.</summary>
    Caps = 1,

    /// <summary>A comma, colon, bracket or emoji came before: negation stops here, intensifiers carry on.</summary>
    SoftBreakBefore = 2,

    /// <summary>End of a sentence came before: negation and intensifiers stop here.</summary>
    HardBreakBefore = 4,

    Emoji = 8,
}
