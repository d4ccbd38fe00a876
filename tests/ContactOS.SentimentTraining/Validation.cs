using ContactOS.Analytics.Sentiment.Lexicon;
using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.SentimentTraining;

/// <summary>
/// Chooses training settings without looking at the evaluation files: every tenth training message (by position
/// after the hash ordering) is set aside, a model is trained on the rest and judged on it, per language.
/// </summary>
internal static class Validation
{
    public static void Report(IReadOnlyList<(LabelledText Text, float Weight)> examples, int epochs, float learningRate, float l2, float lexiconVote)
    {
        CandidateReader.Vote = lexiconVote;
        var held = examples.Where((_, i) => i % 10 == 0).Select(e => e.Text).Where(t => t.Language is "en" or "es").ToList();
        var weights = LogisticRegression.Train(examples.Where((_, i) => i % 10 != 0).ToList(), epochs, learningRate, l2);
        foreach (var language in new[] { "en", "es" })
        {
            var texts = held.Where(t => t.Language == language).ToList();
            var predicted = texts.Select(t => Predict(weights, t.Text)).ToList();
            var accuracy = texts.Where((t, i) => predicted[i] == t.Polarity).Count() / (double)texts.Count;
            var macroF1 = Enum.GetValues<SentimentPolarity>().Average(c =>
            {
                var truePositives = texts.Where((t, i) => t.Polarity == c && predicted[i] == c).Count();
                var precision = truePositives / Math.Max(1.0, predicted.Count(p => p == c));
                var recall = truePositives / Math.Max(1.0, texts.Count(t => t.Polarity == c));
                return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            });
            Console.WriteLine($"validation {language}: n={texts.Count}, accuracy {accuracy:P1}, macro-F1 {macroF1:0.000}");
        }
    }

    private static SentimentPolarity Predict(float[] weights, string text)
    {
        CandidateReader.Weights = weights;
        return SentimentText.Read<CandidateReader, SentimentPolarity>(text);
    }

    private readonly struct CandidateReader : ITokenReader<SentimentPolarity>
    {
        public static float[] Weights { get; set; } = [];

        public static float Vote { get; set; }

        public static SentimentPolarity Read(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, in SentimentScan scan) =>
            SentimentModel.Classify(Weights, Vote, folded, tokens, scan).Polarity;
    }
}
