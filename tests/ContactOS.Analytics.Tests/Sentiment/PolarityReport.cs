using System.Globalization;
using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>Three-class accuracy and macro-F1 (the mean of the per-class F1 scores) of one scorer, per language.</summary>
internal sealed class PolarityReport
{
    private const int Classes = 3;
    private readonly Dictionary<string, int[,]> _confusion = new(StringComparer.Ordinal);

    public void Add(PolarityMessage message, SentimentPolarity predicted)
    {
        if (!_confusion.TryGetValue(message.Language, out var matrix))
        {
            _confusion[message.Language] = matrix = new int[Classes, Classes];
        }

        matrix[(int)message.Polarity, (int)predicted]++;
    }

    public double Accuracy(string language)
    {
        var matrix = _confusion[language];
        var correct = Enumerable.Range(0, Classes).Sum(c => matrix[c, c]);
        return 100.0 * correct / matrix.Cast<int>().Sum();
    }

    public double MacroF1(string language)
    {
        var matrix = _confusion[language];
        return Enumerable.Range(0, Classes).Average(c =>
        {
            var truePositives = (double)matrix[c, c];
            var predicted = Enumerable.Range(0, Classes).Sum(r => matrix[r, c]);
            var actual = Enumerable.Range(0, Classes).Sum(p => matrix[c, p]);
            return truePositives == 0 ? 0 : 2 * truePositives / (predicted + actual);
        });
    }

    public string Line(string language) => string.Create(
        CultureInfo.InvariantCulture, $"accuracy {Accuracy(language),5:0.0}%, macro-F1 {MacroF1(language):0.000}");
}
