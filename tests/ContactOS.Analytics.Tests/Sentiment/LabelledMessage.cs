namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>One row of a labelled sentiment file: language ("en" or "es"), the human label 1-5, the text.</summary>
public sealed record LabelledMessage(string Language, int Label, string Text, int Line);
