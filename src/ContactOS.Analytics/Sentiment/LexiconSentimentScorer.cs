using ContactOS.Analytics.Sentiment.Lexicon;
using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.Analytics.Sentiment;

/// <summary>
/// The built-in scorer for English and Spanish. A lexicon with rules (negation, intensifiers, emphasis, emoji)
/// reads the message; a linear model trained on labelled public messages takes the lexicon's verdict and the
/// message's words and decides negative, neutral or positive; the lexicon's strength then places it on the 1-5
/// scale. It runs on the ingestion path for every message that arrives without a score, so it is synchronous,
/// stateless, thread-safe and allocation-free for messages up to a few hundred characters. Empty text scores 3.
/// </summary>
public sealed class LexiconSentimentScorer : ISentimentScorer
{
    public int Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IsWhiteSpace() ? SentimentScale.Neutral : SentimentText.Read<ModelScore, int>(text);
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

    /// <summary>The lexicon and rules alone, as the scorer worked before the model: the baseline that the
    /// accuracy report and the benchmark compare against.</summary>
    internal static int ScoreWithLexiconOnly(string text) => SentimentScale.FromRawScore(LexiconAnalyzer.RawScore(text));
}
