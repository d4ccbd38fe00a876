namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>
/// Turns a message into a continuous score: positive evidence minus negative evidence, each the strongest item
/// plus a fraction of the rest (two mild thanks are not praise, but a long list of grievances is worse than one).
/// Rules, in the spirit of VADER (Hutto and Gilbert, 2014): negators flip the next valences within three words;
/// intensifiers and diminishers scale the next valence; "but"/"pero" halves what came before and lifts what
/// follows; capitals and exclamation marks amplify; repeated question marks read as exasperation.
/// </summary>
internal static class LexiconAnalyzer
{
    private const int NegationReach = 3;
    private const int ModifierReach = 2;
    private const float CapsEmphasis = 1.4f;

    // Beyond the strongest item, further items count at these weights. Grievances escalate as they pile up; polite
    // words do not: "ok, perfect, thanks" is still a 4, not praise.
    private const float NegativeRestWeight = 0.5f;
    private const float PositiveRestWeight = 0.3f;

    // After "but"/"pero" what came before counts half and what follows a little more.
    private const float BeforeContrastWeight = 0.5f;
    private const float AfterContrastWeight = 1.2f;

    // Praise or thanks followed by a complaint is mostly polite or ironic ("Great job, my booking doesn't exist
    // anymore?", "Thanks for the 3 hour hold"): the complaint is the message, the praise counts a little.
    private const float IronicPraiseWeight = 0.4f;

    public static float RawScore(ReadOnlySpan<char> text) =>
        text.IsWhiteSpace() ? 0f : SentimentText.Read<LexiconRawScore, float>(text);

    public static float Score(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, in SentimentScan scan)
    {
        var evidence = new Evidence();
        var negationLeft = 0;
        var modifierLeft = 0;
        var modifier = 1f;
        var lastNegated = 0f;

        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if ((token.Flags & SentimentTokenFlags.HardBreakBefore) != 0)
            {
                negationLeft = 0;
                modifierLeft = 0;
            }
            else if ((token.Flags & SentimentTokenFlags.SoftBreakBefore) != 0)
            {
                negationLeft = 0;
            }

            if (token.IsEmoji)
            {
                evidence.Add(token.EmojiValence);
                continue;
            }

            var words = Match(folded, tokens, i, out var entry);
            if (words == 0)
            {
                Tick(ref negationLeft, ref modifierLeft);
                continue;
            }

            var caps = true;
            for (var k = i; k < i + words; k++)
            {
                caps &= tokens[k].IsCaps;
            }

            i += words - 1;
            var negated = negationLeft > 0;
            var modified = modifierLeft > 0;
            Tick(ref negationLeft, ref modifierLeft);

            if (entry.Is(LexiconEntryKind.Contrast))
            {
                evidence.Contrast();
                negationLeft = 0;
                modifierLeft = 0;
                continue;
            }

            if (entry.Is(LexiconEntryKind.NegationBooster))
            {
                // "not happy at all": the negated word counts half as much again.
                evidence.Strengthen(lastNegated, 1.5f);
                lastNegated = 0f;
                continue;
            }

            if (entry.Is(LexiconEntryKind.Valence))
            {
                var value = negated ? entry.NegatedValence : entry.Valence;
                if (modified)
                {
                    value *= modifier;
                    modifierLeft = 0;
                }

                if (caps)
                {
                    value *= CapsEmphasis;
                }

                var added = evidence.Add(value);
                if (negated)
                {
                    lastNegated = added;
                    if (entry.Valence != 0f)
                    {
                        // One negation flips one sentiment word ("not sure I understand" is one doubt, not two);
                        // a neutral verb ("no vuelvo a confiar", "I don't have power") passes it on.
                        negationLeft = 0;
                    }
                }
            }

            if (entry.Is(LexiconEntryKind.Modifier))
            {
                var factor = caps ? 1f + ((entry.Multiplier - 1f) * 1.5f) : entry.Multiplier;
                modifier = modified ? Math.Clamp(modifier * factor, 0.3f, 2.5f) : factor;
                modifierLeft = ModifierReach;
            }

            if (entry.Is(LexiconEntryKind.Negator))
            {
                negationLeft = NegationReach;
            }

            if (entry.Is(LexiconEntryKind.Persistence) && NextIsNegator(folded, tokens, i + 1))
            {
                // "still not working", "sigue sin funcionar": the problem outlived an earlier attempt.
                evidence.Add(-1.0f);
            }
        }

        var score = evidence.Total;
        if (score != 0f)
        {
            var emphasis = (0.25f * Math.Min(scan.Exclamations, 4)) + (0.2f * Math.Min(scan.ShoutedWords, 3));
            score += MathF.Sign(score) * emphasis;
        }

        if (scan.Questions >= 2 && score <= 0f)
        {
            score -= 0.35f * Math.Min(scan.Questions - 1, 3);
        }

        return score;
    }

    /// <summary>The longest entry starting at token <paramref name="index"/>: how many words it spans, 0 if none.</summary>
    public static int Match(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, int index, out LexiconEntry entry)
    {
        var first = tokens[index];
        if (!SentimentLexicon.TryGetWord(folded.Slice(first.Start, first.Length), out entry))
        {
            return 0;
        }

        var maxWords = Math.Min(entry.PhraseWords, tokens.Length - index);
        for (var words = maxWords; words >= 2; words--)
        {
            var last = tokens[index + words - 1];
            if (IsContiguous(tokens, index, words)
                && SentimentLexicon.TryGetPhrase(folded[first.Start..(last.Start + last.Length)], out var phrase))
            {
                entry = phrase;
                return words;
            }
        }

        return entry.Kind == LexiconEntryKind.None ? 0 : 1;
    }

    /// <summary>A phrase is words in a row with no punctuation or emoji between them.</summary>
    private static bool IsContiguous(ReadOnlySpan<SentimentToken> tokens, int index, int words)
    {
        for (var k = index + 1; k < index + words; k++)
        {
            if (tokens[k].IsEmoji || tokens[k].HasBreakBefore)
            {
                return false;
            }
        }

        return true;
    }

    private static bool NextIsNegator(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, int index)
    {
        if (index >= tokens.Length || tokens[index].IsEmoji || tokens[index].HasBreakBefore)
        {
            return false;
        }

        return Match(folded, tokens, index, out var next) > 0 && next.Is(LexiconEntryKind.Negator);
    }

    private static void Tick(ref int negationLeft, ref int modifierLeft)
    {
        if (negationLeft > 0)
        {
            negationLeft--;
        }

        if (modifierLeft > 0)
        {
            modifierLeft--;
        }
    }

    private struct Evidence
    {
        private float _positiveSum;
        private float _positiveMax;
        private float _negativeSum;
        private float _negativeMax;
        private float _weight;
        private bool _complaintAfterPraise;

        public Evidence() => _weight = 1f;

        public readonly float Total =>
            ((_complaintAfterPraise ? IronicPraiseWeight : 1f) * (_positiveMax + (PositiveRestWeight * (_positiveSum - _positiveMax))))
            - (_negativeMax + (NegativeRestWeight * (_negativeSum - _negativeMax)));

        /// <summary>Adds a valence, weighted by the clause it is in; returns what was added.</summary>
        public float Add(float value)
        {
            value *= _weight;
            if (value > 0f)
            {
                _positiveSum += value;
                _positiveMax = Math.Max(_positiveMax, value);
            }
            else if (value < 0f)
            {
                _negativeSum -= value;
                _negativeMax = Math.Max(_negativeMax, -value);
                _complaintAfterPraise |= _positiveSum > 0f;
            }

            return value;
        }

        /// <summary>Scales an item added earlier, as if it had been added at its new strength.</summary>
        public void Strengthen(float added, float factor)
        {
            var stronger = added * factor;
            if (added > 0f)
            {
                _positiveSum += stronger - added;
                _positiveMax = Math.Max(_positiveMax, stronger);
            }
            else if (added < 0f)
            {
                _negativeSum += added - stronger;
                _negativeMax = Math.Max(_negativeMax, -stronger);
            }
        }

        /// <summary>"Thanks, but it still doesn't work": what follows the contrast is what the customer means.</summary>
        public void Contrast()
        {
            _positiveSum *= BeforeContrastWeight;
            _positiveMax *= BeforeContrastWeight;
            _negativeSum *= BeforeContrastWeight;
            _negativeMax *= BeforeContrastWeight;
            _weight = AfterContrastWeight;
        }
    }
}
