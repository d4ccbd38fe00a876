using System.IO.Compression;
using System.Runtime.InteropServices;
using ContactOS.Analytics.Sentiment.Lexicon;

namespace ContactOS.Analytics.Sentiment.Model;

/// <summary>
/// A multinomial logistic regression over <see cref="SentimentFeatures"/>: for each of the three classes, the sum
/// of the weights of the message's features; the largest wins. The weights ship inside the assembly
/// (<c>SentimentModel.weights.gz</c>: little-endian half-precision floats, three per feature, gzip) and are
/// produced by <c>tests/ContactOS.SentimentTraining</c>.
/// </summary>
internal static class SentimentModel
{
    public const string ResourceName = "ContactOS.Analytics.Sentiment.Model.SentimentModel.weights.gz";
    public const int Classes = 3;

    /// <summary>
    /// The model learnt from short messages (tweets and chat lines). In a long text (an e-mail, a transcript) its
    /// word weights pile up and drown the one sentence that matters, so beyond this many tokens the lexicon alone
    /// decides, as it reads the text whole. It also decides for text with no words or emoji at all ("...?!").
    /// </summary>
    public const int MaxTokens = 120;

    /// <summary>
    /// When the lexicon reads a complaint, this is added to the model's negative score. The model learnt from
    /// tweets and on its own overrules the lexicon on contact-centre phrasing the tweets lack ("I am not happy with
    /// the new plan" came out neutral). A complaint missed costs the Satisfaction KPI more than a neutral message
    /// read as negative, so only the lexicon's negative verdict gets a vote; on the validation split it costs
    /// under one point of accuracy, where a vote for every verdict cost five.
    /// </summary>
    public const float LexiconVote = 1.0f;

    private static readonly float[] s_weights = Load();

    /// <summary>The class of a tokenized message, and the lexicon's score that decides how strong it is.</summary>
    public static (SentimentPolarity Polarity, float LexiconScore) Classify(
        ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, in SentimentScan scan) =>
        Classify(s_weights, LexiconVote, folded, tokens, scan);

    /// <summary>As above with other weights: training uses it to judge a candidate model the way it will run.</summary>
    public static (SentimentPolarity Polarity, float LexiconScore) Classify(
        float[] weights, float lexiconVote, ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, in SentimentScan scan)
    {
        var lexiconScore = LexiconAnalyzer.Score(folded, tokens, scan);
        var lexiconPolarity = SentimentScale.PolarityOf(SentimentScale.FromRawScore(lexiconScore));
        if (tokens.IsEmpty || tokens.Length > MaxTokens)
        {
            return (lexiconPolarity, lexiconScore);
        }

        var logits = new Logits(weights);
        SentimentFeatures.Extract(folded, tokens, scan, lexiconScore, ref logits);
        if (lexiconPolarity == SentimentPolarity.Negative)
        {
            logits.AddToNegative(lexiconVote);
        }

        return (logits.Best(), lexiconScore);
    }

    /// <summary>Reads weights written by <see cref="Write"/>.</summary>
    private static float[] Read(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        var halves = new Half[SentimentFeatures.Count * Classes];
        gzip.ReadExactly(MemoryMarshal.AsBytes(halves.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The sentiment model's weights are stored little-endian.");
        }

        return Array.ConvertAll(halves, h => (float)h);
    }

    public static void Write(Stream stream, ReadOnlySpan<float> weights)
    {
        if (weights.Length != SentimentFeatures.Count * Classes)
        {
            throw new ArgumentException($"Expected {SentimentFeatures.Count * Classes} weights, got {weights.Length}.", nameof(weights));
        }

        var halves = new Half[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            halves[i] = (Half)weights[i];
        }

        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        gzip.Write(MemoryMarshal.AsBytes(halves.AsSpan()));
    }

    private static float[] Load()
    {
        using var stream = typeof(SentimentModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no resource '{ResourceName}'.");
        return Read(stream);
    }

    private struct Logits(float[] weights) : IFeatureSink
    {
        private float _negative;
        private float _neutral;
        private float _positive;

        public void Add(int feature, float value)
        {
            var row = weights.AsSpan(feature * Classes, Classes);
            _negative += row[0] * value;
            _neutral += row[1] * value;
            _positive += row[2] * value;
        }

        public void AddToNegative(float value) => _negative += value;

        public readonly SentimentPolarity Best() =>
            _negative >= _neutral && _negative >= _positive ? SentimentPolarity.Negative
            : _positive > _neutral ? SentimentPolarity.Positive
            : SentimentPolarity.Neutral;
    }
}
