namespace ContactOS.Analytics.Sentiment.Model;

/// <summary>The three classes the model tells apart; the values are the weight layout's class order.</summary>
internal enum SentimentPolarity
{
    Negative = 0,
    Neutral = 1,
    Positive = 2,
}
