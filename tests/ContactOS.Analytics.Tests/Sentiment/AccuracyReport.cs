using System.Globalization;

namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>Exact and within-one accuracy of predicted labels, per language and overall.</summary>
internal sealed class AccuracyReport
{
    private readonly Dictionary<string, (int Total, int Exact, int WithinOne)> _byLanguage = new(StringComparer.Ordinal);

    public void Add(LabelledMessage message, int predicted)
    {
        var (total, exact, withinOne) = _byLanguage.GetValueOrDefault(message.Language);
        _byLanguage[message.Language] = (
            total + 1,
            exact + (predicted == message.Label ? 1 : 0),
            withinOne + (Math.Abs(predicted - message.Label) <= 1 ? 1 : 0));
    }

    public int Count(string? language = null) => Select(language).Total;

    /// <summary>Percentage of messages scored exactly as labelled; <paramref name="language"/> null for all.</summary>
    public double Exact(string? language = null) => Percent(Select(language).Exact, Select(language).Total);

    /// <summary>Percentage of messages scored at most one point from the label.</summary>
    public double WithinOne(string? language = null) => Percent(Select(language).WithinOne, Select(language).Total);

    public string Describe(string setName)
    {
        var lines = new List<string> { $"{setName}: {Line(null)}" };
        lines.AddRange(_byLanguage.Keys.Order(StringComparer.Ordinal).Select(language => $"  {language}: {Line(language)}"));
        return string.Join(Environment.NewLine, lines);
    }

    private string Line(string? language) => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count(language)}, exact {Exact(language):0.0}%, within one {WithinOne(language):0.0}%");

    private (int Total, int Exact, int WithinOne) Select(string? language)
    {
        if (language is not null)
        {
            return _byLanguage.GetValueOrDefault(language);
        }

        return _byLanguage.Values.Aggregate((0, 0, 0), (sum, x) => (sum.Item1 + x.Total, sum.Item2 + x.Exact, sum.Item3 + x.WithinOne));
    }

    private static double Percent(int part, int total) => total == 0 ? 0 : 100.0 * part / total;
}
