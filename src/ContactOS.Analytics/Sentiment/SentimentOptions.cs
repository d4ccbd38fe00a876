namespace ContactOS.Analytics.Sentiment;

/// <summary>Configuration section <c>Sentiment</c>: which scorer gives a score to messages that arrive without one.</summary>
public sealed class SentimentOptions
{
    public const string SectionName = "Sentiment";

    /// <summary>The built-in English and Spanish lexicon scorer; no network, microseconds per message.</summary>
    public const string BuiltinScorer = "builtin";

    /// <summary>An OpenAI-compatible chat endpoint, falling back to the built-in scorer when it fails.</summary>
    public const string LlmScorer = "llm";

    /// <summary><c>builtin</c> (default) or <c>llm</c>.</summary>
    public string Scorer { get; set; } = BuiltinScorer;

    /// <summary>Section <c>Sentiment:Llm</c>, read when <see cref="Scorer"/> is <c>llm</c>.</summary>
    public SentimentLlmOptions Llm { get; set; } = new();

    internal bool UsesLlm => string.Equals(Scorer?.Trim(), LlmScorer, StringComparison.OrdinalIgnoreCase);

    internal bool UsesBuiltin => string.Equals(Scorer?.Trim(), BuiltinScorer, StringComparison.OrdinalIgnoreCase);
}
