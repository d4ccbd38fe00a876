using System.Collections.Frozen;

namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>
/// The English and Spanish lexicons merged into one table keyed by folded text (lower case, no accents, no
/// apostrophes, words joined by one space). One table serves both languages, so no per-message language
/// detection is needed: the two vocabularies barely collide, and where they do ("no") they agree.
/// Lookups take spans, so scoring a message allocates nothing, and one lookup per word tells both what the word
/// means and whether a longer phrase may start with it.
/// </summary>
internal static class SentimentLexicon
{
    /// <summary>The longest multi-word entry, in words.</summary>
    public const int MaxPhraseWords = 5;

    private const LexiconEntryKind Inflectable =
        LexiconEntryKind.Valence | LexiconEntryKind.Modifier | LexiconEntryKind.Negator;

    private static readonly FrozenDictionary<string, LexiconEntry> s_entries =
        Build(EnglishLexicon.Terms, SpanishLexicon.Terms).ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_entries.GetAlternateLookup<ReadOnlySpan<char>>();

    public static int Count => s_entries.Count;

    /// <summary>Looks up a folded multi-word key exactly.</summary>
    public static bool TryGetPhrase(ReadOnlySpan<char> folded, out LexiconEntry entry) =>
        s_lookup.TryGetValue(folded, out entry);

    /// <summary>
    /// Looks up one folded word. Plural and feminine forms ("problemas", "furiosa") are in the table already; a
    /// Spanish absolute superlative ("rapidísima") is found as a stronger form of its base ("rápido").
    /// </summary>
    public static bool TryGetWord(ReadOnlySpan<char> word, out LexiconEntry entry)
    {
        if (s_lookup.TryGetValue(word, out entry))
        {
            return true;
        }

        var suffix = SuperlativeSuffixLength(word);
        if (suffix == 0 || word.Length > 40)
        {
            return false;
        }

        Span<char> stem = stackalloc char[word.Length - suffix + 1];
        word[..^suffix].CopyTo(stem);
        stem[^1] = 'o';
        if (s_lookup.TryGetValue(stem, out var baseEntry) && baseEntry.Kind != LexiconEntryKind.None)
        {
            entry = Strengthen(baseEntry) with { PhraseWords = 0 };
            return true;
        }

        return false;
    }

    private static int SuperlativeSuffixLength(ReadOnlySpan<char> word)
    {
        // "-ísimo", "-ísima", "-ísimos", "-ísimas" on a stem of at least three letters.
        if (word.Length < 8 || word[^1] is not ('o' or 'a' or 's'))
        {
            return 0;
        }

        var end = word[^1] == 's' ? word[..^1] : word;
        return end.Length >= 8 && end[..^1].EndsWith("isim", StringComparison.Ordinal) && end[^1] is 'o' or 'a'
            ? word.Length - end.Length + 5
            : 0;
    }

    private static LexiconEntry Strengthen(LexiconEntry entry) => entry with
    {
        Valence = entry.Valence * 1.4f,
        NegatedValence = entry.NegatedValence * 1.4f,
        Multiplier = entry.Is(LexiconEntryKind.Modifier) ? 1f + ((entry.Multiplier - 1f) * 1.8f) : entry.Multiplier,
    };

    private static Dictionary<string, LexiconEntry> Build(params ReadOnlySpan<LexiconTerms> languages)
    {
        var entries = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        foreach (var terms in languages)
        {
            foreach (var (term, valence) in terms.Valences)
            {
                // Negation weakens a complaint more than it weakens praise: "not bad" is faint praise, "not good" a complaint.
                var negated = valence > 0f ? -0.75f * valence : -0.5f * valence;
                AddValence(entries, term, valence, negated);
            }

            foreach (var (term, valence, negated) in terms.Negatables)
            {
                AddValence(entries, term, valence, negated);
            }

            foreach (var (term, multiplier) in terms.Modifiers)
            {
                Update(entries, term, e => e.Is(LexiconEntryKind.Modifier) && e.Multiplier != multiplier
                    ? throw Duplicate(term)
                    : e with { Kind = e.Kind | LexiconEntryKind.Modifier, Multiplier = multiplier });
            }

            AddFlag(entries, terms.Negators, LexiconEntryKind.Negator);
            AddFlag(entries, terms.Contrasts, LexiconEntryKind.Contrast);
            AddFlag(entries, terms.NegationBoosters, LexiconEntryKind.NegationBooster);
            AddFlag(entries, terms.Persistence, LexiconEntryKind.Persistence);
        }

        AddInflections(entries);
        MarkPhraseStarts(entries);
        return entries;
    }

    /// <summary>
    /// Adds plural and feminine forms of single words so the lists need only the masculine singular: "problema"
    /// gives "problemas", "peor" gives "peores", "furioso" gives "furiosa", "furiosos" and "furiosas". Listed
    /// words always win over generated ones, and forms shorter than four letters are skipped ("no" must not
    /// make "nos" a negator).
    /// </summary>
    private static void AddInflections(Dictionary<string, LexiconEntry> entries)
    {
        var generated = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (key.Contains(' ', StringComparison.Ordinal) || (entry.Kind & Inflectable) == 0)
            {
                continue;
            }

            string[] forms = key.EndsWith('o')
                ? [key + "s", key[..^1] + "a", key[..^1] + "as"]
                : [key + "s", key + "es"];
            foreach (var form in forms)
            {
                if (form.Length >= 4 && !entries.ContainsKey(form))
                {
                    generated.TryAdd(form, entry);
                }
            }
        }

        foreach (var (form, entry) in generated)
        {
            entries[form] = entry;
        }
    }

    private static void MarkPhraseStarts(Dictionary<string, LexiconEntry> entries)
    {
        foreach (var key in entries.Keys.ToList())
        {
            var words = key.Split(' ');
            if (words.Length > MaxPhraseWords)
            {
                throw new InvalidOperationException($"Lexicon entry '{key}' has more than {MaxPhraseWords} words.");
            }

            if (words.Length > 1)
            {
                var first = entries.GetValueOrDefault(words[0], new LexiconEntry(LexiconEntryKind.None, 0f, 0f, 1f));
                entries[words[0]] = first with { PhraseWords = Math.Max(first.PhraseWords, words.Length) };
            }
        }
    }

    private static void AddValence(Dictionary<string, LexiconEntry> entries, string term, float valence, float negated) =>
        Update(entries, term, e => e.Is(LexiconEntryKind.Valence) && (e.Valence != valence || e.NegatedValence != negated)
            ? throw Duplicate(term)
            : e with { Kind = e.Kind | LexiconEntryKind.Valence, Valence = valence, NegatedValence = negated });

    private static void AddFlag(Dictionary<string, LexiconEntry> entries, IReadOnlyList<string> terms, LexiconEntryKind kind)
    {
        foreach (var term in terms)
        {
            // "no" is a negator in both languages; listing it twice is harmless, as is a word both languages
            // share with the same valence ("terrible", "internet").
            Update(entries, term, e => e with { Kind = e.Kind | kind });
        }
    }

    private static void Update(Dictionary<string, LexiconEntry> entries, string term, Func<LexiconEntry, LexiconEntry> change)
    {
        var key = TextFolding.FoldTerm(term);
        if (key.Length == 0)
        {
            throw new InvalidOperationException($"Lexicon term '{term}' has no letters or digits.");
        }

        entries[key] = change(entries.GetValueOrDefault(key, new LexiconEntry(LexiconEntryKind.None, 0f, 0f, 1f)));
    }

    private static InvalidOperationException Duplicate(string term) =>
        new($"Lexicon term '{term}' is defined twice with different values (after folding case and accents); keep one.");
}
