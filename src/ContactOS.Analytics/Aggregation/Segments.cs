namespace ContactOS.Analytics.Aggregation;

/// <summary>The labels of a conversation's segment: its resolver (docs/analytics.md).</summary>
public static class Segments
{
    public const string Ai = "ai";
    public const string Human = "human";

    /// <summary>Not resolved.</summary>
    public const string None = "none";

    /// <summary>The <see cref="Metric.Resolved"/> labels of conversations with two or more agents.</summary>
    public const string AiTransferred = "ai+transfer";
    public const string HumanTransferred = "human+transfer";

    /// <summary>The label of figures about conversations without an intent, or messages without a model.</summary>
    public const string NoIntent = "(none)";
    public const string UnknownModel = "(unknown)";
}
