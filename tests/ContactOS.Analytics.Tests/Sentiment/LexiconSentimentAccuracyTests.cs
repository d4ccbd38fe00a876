using System.Globalization;
using ContactOS.Analytics.Sentiment;
using ContactOS.Analytics.Sentiment.Lexicon;
using Xunit.Abstractions;

namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>
/// Accuracy of the built-in scorer against the hand-written messages in TestData/sentiment. The lexicon was tuned
/// on the development set only, and the model trains on it; the held-out set was written before the lexicon and
/// is never used for tuning or training, so only its totals are printed, never its misses.
/// </summary>
public sealed class LexiconSentimentAccuracyTests(ITestOutputHelper output)
{
    private readonly LexiconSentimentScorer _scorer = new();

    [Fact]
    public void The_labelled_files_cover_both_languages_and_all_five_labels()
    {
        var heldOut = SentimentDataset.Load(SentimentDataset.HeldOutFile);
        var development = SentimentDataset.Load(SentimentDataset.DevelopmentFile);
        var all = heldOut.Concat(development).ToList();

        Assert.True(heldOut.Count >= 120, $"held-out has {heldOut.Count} messages");
        Assert.True(all.Count >= 300, $"the two files have {all.Count} messages");
        foreach (var language in SentimentDataset.Languages)
        {
            Assert.True(all.Count(m => m.Language == language) >= 150, $"fewer than 150 '{language}' messages");
            Assert.True(heldOut.Count(m => m.Language == language) >= 50, $"fewer than 50 held-out '{language}' messages");
            for (var label = 1; label <= 5; label++)
            {
                Assert.True(all.Count(m => m.Language == language && m.Label == label) >= 20, $"few '{language}' messages labelled {label}");
            }
        }

        // A message in both files would let tuning leak into the held-out measurement.
        Assert.Empty(heldOut.Select(m => m.Text).Intersect(development.Select(m => m.Text), StringComparer.Ordinal));
    }

    [Fact]
    public void Development_set_accuracy_is_reported_with_its_misses()
    {
        var report = new AccuracyReport();
        var misses = new List<string>();
        foreach (var message in SentimentDataset.Load(SentimentDataset.DevelopmentFile))
        {
            var predicted = _scorer.Score(message.Text);
            report.Add(message, predicted);
            if (predicted != message.Label)
            {
                var raw = LexiconAnalyzer.RawScore(message.Text).ToString("0.00", CultureInfo.InvariantCulture);
                misses.Add($"  line {message.Line}: label {message.Label}, scored {predicted} (raw {raw}): {message.Text}");
            }
        }

        output.WriteLine(report.Describe("development"));
        output.WriteLine($"misses ({misses.Count}):");
        misses.ForEach(output.WriteLine);

        // The set the lexicon was tuned on and the model trained on (98.3% exact, 100% within one); a drop here means
        // a change broke what used to work.
        Assert.True(report.Exact() >= 92, report.Describe("development"));
        Assert.True(report.WithinOne() >= 98, report.Describe("development"));
    }

    [Fact]
    public void Held_out_set_accuracy_stays_above_its_floors()
    {
        var report = new AccuracyReport();
        foreach (var message in SentimentDataset.Load(SentimentDataset.HeldOutFile))
        {
            report.Add(message, _scorer.Score(message.Text));
        }

        output.WriteLine(report.Describe("held-out"));

        // Measured with the lexicon alone: 95.3% exact, 100% within one. With the model (trained on English tweets
        // and the development file): 93.3% exact (en 92.0%, es 94.7%), 100% within one. The floors sit one or two
        // messages below, so a change that loses generality fails here.
        var description = report.Describe("held-out");
        Assert.True(report.Exact() >= 92, description);
        Assert.True(report.Exact("en") >= 90, description);
        Assert.True(report.Exact("es") >= 93, description);
        Assert.True(report.WithinOne() >= 99, description);
        Assert.True(report.WithinOne("en") >= 98, description);
        Assert.True(report.WithinOne("es") >= 98, description);
    }
}
