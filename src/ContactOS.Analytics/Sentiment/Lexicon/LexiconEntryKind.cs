namespace ContactOS.Analytics.Sentiment.Lexicon;

[Flags]
internal enum LexiconEntryKind : byte
{
    None = 0,

    /// <summary>Carries a valence (possibly zero when only its negation means something: "no answer").</summary>
    Valence = 1,

    /// <summary>Flips the next valence within three words: "not", "no", "nunca", "ni", "sin".</summary>
    Negator = 2,

    /// <summary>Scales the next valence: "very", "muy", "súper" (above 1); "a bit", "un poco" (below 1).</summary>
    Modifier = 4,

    /// <summary>"but", "pero": what follows outweighs what came before.</summary>
    Contrast = 8,

    /// <summary>"at all", "para nada": strengthens a negation just applied.</summary>
    NegationBooster = 16,

    /// <summary>"still", "sigue", "todavía": followed by a negation it means the problem persists.</summary>
    Persistence = 32,
}
