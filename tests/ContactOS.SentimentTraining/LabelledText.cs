using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.SentimentTraining;

/// <summary>One labelled message: language ("en" or "es"), its class, its text on one line.</summary>
internal sealed record LabelledText(string Language, SentimentPolarity Polarity, string Text);
