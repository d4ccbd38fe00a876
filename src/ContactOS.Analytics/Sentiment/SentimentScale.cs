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
}
