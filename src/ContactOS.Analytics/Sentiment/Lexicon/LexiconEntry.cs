namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <param name="Kind">What the term does; <see cref="LexiconEntryKind.None"/> for a word that only starts phrases.</param>
/// <param name="Valence">Contribution when not negated, about -3 (worst, scam) to +3 (outstanding).</param>
/// <param name="NegatedValence">Contribution within a negation's reach. Not simply the mirror image: "not
/// working" is more negative than "working" is positive, and "not bad" is only mildly positive.</param>
/// <param name="Multiplier">For modifiers, the factor applied to the next valence.</param>
/// <param name="PhraseWords">The most words of any multi-word entry that starts with this word (0 if none), so
/// one lookup tells whether phrase lookups are worth trying.</param>
internal readonly record struct LexiconEntry(
    LexiconEntryKind Kind,
    float Valence,
    float NegatedValence,
    float Multiplier,
    int PhraseWords = 0)
{
    public bool Is(LexiconEntryKind kind) => (Kind & kind) != 0;
}
