using System.Text;
using ContactOS.Analytics.Sentiment;
using ContactOS.Analytics.Sentiment.Model;
using ContactOS.SentimentTraining;

// Writes the evaluation files (TestData/sentiment/public-*.tsv) and trains the model on the English messages not in
// them and on the hand-written development file. See README.md in this folder for where the source files come from.
if (args.Length is not (3 or 7))
{
    Console.Error.WriteLine("usage: dotnet run --project tests/ContactOS.SentimentTraining -- <tweeteval sentiment dir> <sentimp sp_simple.csv> <repository root> [epochs learning-rate l2 lexicon-vote: report validation figures for these settings instead of writing]");
    return 2;
}

var (tweetEvalDirectory, sentiMpFile, root) = (args[0], args[1], args[2]);
var dataDirectory = Path.Combine(root, "tests", "ContactOS.Analytics.Tests", "TestData", "sentiment");
var weightsFile = Path.Combine(root, "src", "ContactOS.Analytics", "Sentiment", "Model", "SentimentModel.weights.gz");

var (englishEvaluation, englishTraining) = PublicSources.Split(PublicSources.ReadTweetEval(tweetEvalDirectory), PublicSources.EnglishEvaluationSize);
var spanishSet = PublicSources.ReadSentiMpSpanish(sentiMpFile);
var (spanishEvaluation, _) = PublicSources.Split(spanishSet, spanishSet.Count);

// The hand-written development messages teach the contact-centre phrasing the tweets lack; they count ten
// times. The hand-written held-out file is never trained on.
var development = File.ReadLines(Path.Combine(dataDirectory, "development.tsv"))
    .Skip(1)
    .Select(line => line.Split('\t'))
    .Select(f => new LabelledText(f[0], SentimentScale.PolarityOf(int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)), f[2]));

var examples = englishTraining.Select(t => (t, 1f))
    .Concat(development.Select(t => (t, DevelopmentWeight)))
    .ToList();
Console.WriteLine($"training on {englishTraining.Count} English public messages and the development file; "
    + $"evaluation files hold {englishEvaluation.Count} English and {spanishEvaluation.Count} Spanish messages");

if (args.Length == 7)
{
    var invariant = System.Globalization.CultureInfo.InvariantCulture;
    Validation.Report(examples, int.Parse(args[3], invariant), float.Parse(args[4], invariant), float.Parse(args[5], invariant), float.Parse(args[6], invariant));
    return 0;
}

WriteEvaluation(Path.Combine(dataDirectory, "public-en.tsv"), englishEvaluation);
WriteEvaluation(Path.Combine(dataDirectory, "public-es.tsv"), spanishEvaluation);
var weights = LogisticRegression.Train(examples, Epochs, LearningRate, L2);
using (var output = File.Create(weightsFile))
{
    SentimentModel.Write(output, weights);
}

Console.WriteLine($"wrote {weightsFile} ({new FileInfo(weightsFile).Length:N0} bytes)");
return 0;

static void WriteEvaluation(string path, IReadOnlyList<LabelledText> texts)
{
    var lines = texts.Select(t => $"{t.Language}\t{t.Polarity.ToString().ToLowerInvariant()}\t{t.Text}").Prepend("lang\tpolarity\ttext");
    File.WriteAllLines(path, lines, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}

/// <summary>The settings chosen with <see cref="Validation"/>.</summary>
internal static partial class Program
{
    private const int Epochs = 6;
    private const float LearningRate = 0.02f;
    private const float L2 = 3e-3f;
    private const float DevelopmentWeight = 10f;
}
