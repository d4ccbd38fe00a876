using ContactOS.Analytics.Sentiment.Lexicon;

namespace ContactOS.Analytics.Sentiment;

/// <summary>
/// The built-in scorer: English and Spanish lexicons with negation, intensifiers, emphasis and emoji, mapped to
/// the 1-5 scale. It runs on the ingestion path for every message that arrives without a score, so it is
/// synchronous, stateless, thread-safe and allocation-free for messages up to a few hundred characters.
/// Empty text scores 3 (neutral).
/// </summary>
public sealed class LexiconSentimentScorer : ISentimentScorer
{
    public int Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SentimentScale.FromRawScore(LexiconAnalyzer.RawScore(text));
    }

    public ValueTask<int[]> ScoreAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        var scores = new int[texts.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Score(texts[i]);
        }

        return ValueTask.FromResult(scores);
    }
}
