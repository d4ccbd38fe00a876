namespace ContactOS.Analytics.Sentiment;

/// <summary>
/// Scores a message 1 (very negative: complaints, threats to cancel) to 5 (very positive: praise, loyalty);
/// 3 is neutral (factual requests).
/// </summary>
public interface ISentimentScorer
{
    ValueTask<int> ScoreAsync(string text, CancellationToken cancellationToken);
}
