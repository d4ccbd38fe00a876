namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>A word (a slice of the folded buffer) or an emoji/emoticon (a valence and no text).</summary>
internal struct SentimentToken
{
    public int Start;
    public int Length;
    public float EmojiValence;
    public SentimentTokenFlags Flags;

    public readonly bool IsEmoji => (Flags & SentimentTokenFlags.Emoji) != 0;

    public readonly bool IsCaps => (Flags & SentimentTokenFlags.Caps) != 0;

    public readonly bool HasBreakBefore => (Flags & (SentimentTokenFlags.SoftBreakBefore | SentimentTokenFlags.HardBreakBefore)) != 0;
}
