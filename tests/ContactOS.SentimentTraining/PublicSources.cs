using System.Text;
using System.Text.RegularExpressions;
using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.SentimentTraining;

/// <summary>
/// The public labelled sets (see tests/ContactOS.Analytics.Tests/TestData/sentiment/README.md for provenance and
/// licences), read from the files as published and normalised the same way every time: user mentions become
/// "@user" (as TweetEval already has them), whitespace runs (line breaks too) become one space, and a text that
/// appears with two different labels is dropped. Messages are ordered by the FNV-1a hash of their text, so the
/// output does not depend on file order and is the same on every machine; for English the evaluation split is the
/// first messages in that order.
/// </summary>
internal static partial class PublicSources
{
    public const int EnglishEvaluationSize = 3000;

    /// <summary>TweetEval's sentiment task (SemEval-2017 task 4A): val and test; its train split is not used.</summary>
    public static IReadOnlyList<LabelledText> ReadTweetEval(string directory)
    {
        var texts = new List<LabelledText>();
        foreach (var split in new[] { "val", "test" })
        {
            var lines = File.ReadAllLines(Path.Combine(directory, $"{split}_text.txt"), Encoding.UTF8);
            var labels = File.ReadAllLines(Path.Combine(directory, $"{split}_labels.txt"));
            if (lines.Length != labels.Length)
            {
                throw new InvalidDataException($"{split}: {lines.Length} texts but {labels.Length} labels.");
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var polarity = labels[i].Trim() switch
                {
                    "0" => SentimentPolarity.Negative,
                    "1" => SentimentPolarity.Neutral,
                    "2" => SentimentPolarity.Positive,
                    var other => throw new InvalidDataException($"{split}_labels.txt:{i + 1}: unknown label '{other}'."),
                };
                texts.Add(new LabelledText("en", polarity, lines[i]));
            }
        }

        return Normalise(texts);
    }

    /// <summary>
    /// SentiMP-21's Spanish part: tweets by members of the Spanish parliament in 2021 (sp_simple.csv: UTF-8, columns
    /// full_text and final_label, -1 negative, 0 neutral, 1 positive). Too small to split, so all of it is evaluation.
    /// </summary>
    public static IReadOnlyList<LabelledText> ReadSentiMpSpanish(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var rows = CsvRows.Read(reader).ToList();
        var header = rows[0];
        var labelColumn = IndexOf(header, "final_label");
        var textColumn = IndexOf(header, "full_text");
        var texts = new List<LabelledText>();
        foreach (var row in rows.Skip(1).Where(r => r.Count == header.Count))
        {
            var polarity = row[labelColumn] switch
            {
                "-1" => SentimentPolarity.Negative,
                "0" => SentimentPolarity.Neutral,
                "1" => SentimentPolarity.Positive,
                var other => throw new InvalidDataException($"{file}: unknown label '{other}'."),
            };
            texts.Add(new LabelledText("es", polarity, row[textColumn]));
        }

        return Normalise(texts);
    }

    /// <summary>Splits one language's messages into evaluation (the smallest hashes) and training (the rest).</summary>
    public static (IReadOnlyList<LabelledText> Evaluation, IReadOnlyList<LabelledText> Training) Split(
        IReadOnlyList<LabelledText> texts, int evaluationSize)
    {
        var ordered = texts.OrderBy(t => StableHash(t.Text)).ThenBy(t => t.Text, StringComparer.Ordinal).ToList();
        return (ordered.Take(evaluationSize).ToList(), ordered.Skip(evaluationSize).ToList());
    }

    private static List<LabelledText> Normalise(IEnumerable<LabelledText> texts) =>
        texts
            .Select(t => t with { Text = Whitespace().Replace(Mention().Replace(t.Text, "@user"), " ").Trim() })
            .Where(t => t.Text.Length > 0)
            .GroupBy(t => t.Text, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Polarity).Distinct().Count() == 1)
            .Select(g => g.First())
            .ToList();

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Trim('\uFEFF') == column)
            {
                return i;
            }
        }

        throw new InvalidDataException($"No column '{column}' in the header.");
    }

    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
