using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>One row of a public evaluation file: language, the human three-class label, the text.</summary>
internal sealed record PolarityMessage(string Language, SentimentPolarity Polarity, string Text);
