using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>
/// Reads the labelled files in TestData/sentiment. They are read from the source tree (found by walking up from
/// the test binaries), not copied to the output, so there is one copy to edit and review.
/// </summary>
internal static class SentimentDataset
{
    public const string HeldOutFile = "heldout.tsv";
    public const string DevelopmentFile = "development.tsv";
    public const string PublicEnglishFile = "public-en.tsv";
    public const string PublicSpanishFile = "public-es.tsv";

    private static readonly string[] s_languages = ["en", "es"];

    public static IReadOnlyList<string> Languages => s_languages;

    public static IReadOnlyList<LabelledMessage> Load(string fileName)
    {
        var path = Path.Combine(FindDirectory(), fileName);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != "lang\tlabel\ttext")
        {
            throw new InvalidDataException($"{path}: the first line must be the header 'lang<TAB>label<TAB>text'.");
        }

        var messages = new List<LabelledMessage>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            if (fields.Length != 3
                || !s_languages.Contains(fields[0])
                || !int.TryParse(fields[1], out var label)
                || label is < 1 or > 5
                || string.IsNullOrWhiteSpace(fields[2]))
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected 'en|es<TAB>1-5<TAB>text', got '{lines[i]}'.");
            }

            messages.Add(new LabelledMessage(fields[0], label, fields[2], i + 1));
        }

        return messages;
    }

    /// <summary>Reads a public evaluation file: header <c>lang	polarity	text</c>, polarity negative, neutral or positive.</summary>
    public static IReadOnlyList<PolarityMessage> LoadPublic(string fileName)
    {
        var path = Path.Combine(FindDirectory(), fileName);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != "lang\tpolarity\ttext")
        {
            throw new InvalidDataException($"{path}: the first line must be the header 'lang<TAB>polarity<TAB>text'.");
        }

        return lines.Skip(1).Select((line, i) =>
        {
            var fields = line.Split('\t');
            return fields.Length == 3 && s_languages.Contains(fields[0]) && Enum.TryParse<SentimentPolarity>(fields[1], ignoreCase: true, out var polarity)
                ? new PolarityMessage(fields[0], polarity, fields[2])
                : throw new InvalidDataException($"{path}:{i + 2}: expected 'en|es<TAB>negative|neutral|positive<TAB>text', got '{line}'.");
        }).ToList();
    }

    private static string FindDirectory()
    {
        var relative = Path.Combine("tests", "ContactOS.Analytics.Tests", "TestData", "sentiment");
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"Could not find {relative} above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
