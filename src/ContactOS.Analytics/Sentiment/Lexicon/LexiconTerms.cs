namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>The term lists of one language, as written by people (with accents and apostrophes); the
/// lexicon folds them when it builds its lookup tables.</summary>
internal sealed record LexiconTerms(
    IReadOnlyList<(string Term, float Valence)> Valences,
    IReadOnlyList<(string Term, float Valence, float Negated)> Negatables,
    IReadOnlyList<(string Term, float Multiplier)> Modifiers,
    IReadOnlyList<string> Negators,
    IReadOnlyList<string> Contrasts,
    IReadOnlyList<string> NegationBoosters,
    IReadOnlyList<string> Persistence);
