namespace ContactOS.Analytics.Sentiment;

/// <summary>
/// Scores messages 1 (very negative: complaints, threats to cancel) to 5 (very positive: praise, loyalty);
/// 3 is neutral (factual requests).
/// </summary>
public interface ISentimentScorer
{
    /// <summary>
    /// The score of each of <paramref name="texts"/>, in the same order. A whole ingested batch is scored in one call,
    /// so that a scorer behind a network call can carry many messages per request.
    /// </summary>
    ValueTask<int[]> ScoreAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
