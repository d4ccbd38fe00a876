using ContactOS.Analytics.Sentiment.Lexicon;

namespace ContactOS.Analytics.Sentiment.Model;

/// <summary>
/// What the model sees of a message: the lexicon's verdict (its continuous score and its 1-5 label), a few
/// counts the tokenizer keeps (question and exclamation marks, emoji), and every folded word (a lexicon phrase
/// counting as one word) and pair of adjacent words, hashed into a fixed number of slots. Hashing keeps the model a flat array with no vocabulary
/// to look up, so scoring allocates nothing; the hash is FNV-1a, fixed, so training and scoring agree.
/// </summary>
internal static class SentimentFeatures
{
    /// <summary>Slots in the model: the dense features below, then the hashed words and word pairs.</summary>
    public const int Count = 1 << 17;

    private const int Bias = 0;
    private const int LexiconScore = 1;
    private const int LexiconLabelFirst = 2;
    private const int Exclamation = 7;
    private const int Question = 8;
    private const int Questions = 9;
    private const int PositiveEmoji = 10;
    private const int NegativeEmoji = 11;
    private const int NoWords = 12;
    /// <summary>Slots below this hold the dense features every message has; the hashed words come after.</summary>
    public const int Dense = 16;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const uint PairSeed = 0x9E3779B9;

    public static void Extract<TSink>(
        ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, in SentimentScan scan, float lexiconScore, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        sink.Add(Bias, 1f);
        sink.Add(LexiconScore, Math.Clamp(lexiconScore, -5f, 5f) / 2.5f);
        sink.Add(LexiconLabelFirst + SentimentScale.FromRawScore(lexiconScore) - 1, 1f);
        if (scan.Exclamations > 0)
        {
            sink.Add(Exclamation, 1f);
        }

        if (scan.Questions > 0)
        {
            sink.Add(scan.Questions >= 2 ? Questions : Question, 1f);
        }

        var words = 0;
        foreach (var token in tokens)
        {
            if (token.IsEmoji)
            {
                if (token.EmojiValence != 0f)
                {
                    sink.Add(token.EmojiValence > 0f ? PositiveEmoji : NegativeEmoji, 1f);
                }
            }
            else
            {
                words++;
            }
        }

        if (words == 0)
        {
            sink.Add(NoWords, 1f);
            return;
        }

        var previous = 0u;
        var hasPrevious = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.IsEmoji)
            {
                hasPrevious = false;
                continue;
            }

            // A lexicon phrase is one feature, not its words: "good morning" is a greeting, not something good.
            var span = LexiconAnalyzer.Match(folded, tokens, i, out _);
            var last = tokens[i + Math.Max(span, 1) - 1];
            var hash = Hash(folded[token.Start..(last.Start + last.Length)]);
            if (span > 1)
            {
                i += span - 1;
            }

            sink.Add(Slot(hash), 1f);
            if (hasPrevious && (token.Flags & SentimentTokenFlags.HardBreakBefore) == 0)
            {
                sink.Add(Slot((previous * FnvPrime) ^ (hash + PairSeed)), 1f);
            }

            previous = hash;
            hasPrevious = true;
        }
    }

    private static int Slot(uint hash) => Dense + (int)(hash % (Count - Dense));

    private static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        // Finalizer: FNV's low bits are weak for short keys, and slots are taken modulo the table size.
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6D;
        hash ^= hash >> 12;
        return hash;
    }
}
