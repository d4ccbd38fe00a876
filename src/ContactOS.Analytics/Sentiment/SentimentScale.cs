using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.Analytics.Sentiment;

/// <summary>The 1-5 scale and how the built-in scorer's continuous score maps onto it.</summary>
internal static class SentimentScale
{
    public const int VeryNegative = 1;
    public const int Negative = 2;
    public const int Neutral = 3;
    public const int Positive = 4;
    public const int VeryPositive = 5;

    // One complaint word ("worst", "cancel") or a problem with emphasis reaches 1; a calm problem report or a
    // confused question is 2; a plain "thanks" is 4; praise ("excellent") or thanks with loyalty reaches 5.
    private const float VeryNegativeAtMost = -2.0f;
    private const float NegativeAtMost = -0.5f;
    private const float PositiveFrom = 0.5f;
    private const float VeryPositiveFrom = 2.4f;

    public static int FromRawScore(float score) => score switch
    {
        <= VeryNegativeAtMost => VeryNegative,
        <= NegativeAtMost => Negative,
        < PositiveFrom => Neutral,
        < VeryPositiveFrom => Positive,
        _ => VeryPositive,
    };

    /// <summary>
    /// The model's class, placed on the scale by the lexicon: a negative message is a 1 when the lexicon finds a
    /// complaint strong enough for 1, otherwise a 2; a positive one is a 5 only for praise the lexicon rates 5.
    /// </summary>
    public static int FromPolarity(SentimentPolarity polarity, float lexiconScore) => polarity switch
    {
        SentimentPolarity.Negative => lexiconScore <= VeryNegativeAtMost ? VeryNegative : Negative,
        SentimentPolarity.Positive => lexiconScore >= VeryPositiveFrom ? VeryPositive : Positive,
        _ => Neutral,
    };

    /// <summary>The three classes on the scale: 1-2 negative, 3 neutral, 4-5 positive.</summary>
    public static SentimentPolarity PolarityOf(int score) => score switch
    {
        <= Negative => SentimentPolarity.Negative,
        Neutral => SentimentPolarity.Neutral,
        _ => SentimentPolarity.Positive,
    };
}
