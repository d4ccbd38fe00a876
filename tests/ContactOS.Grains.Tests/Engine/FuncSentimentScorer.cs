using ContactOS.Analytics.Sentiment;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>The router's scorer over the same function the oracle scores with, so both see the same sentiments.</summary>
internal sealed class FuncSentimentScorer(Func<string, int> score) : ISentimentScorer
{
    public ValueTask<int> ScoreAsync(string text, CancellationToken cancellationToken) => ValueTask.FromResult(score(text));
}
