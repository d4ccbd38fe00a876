using ContactOS.Analytics.Sentiment.Llm;

namespace ContactOS.Analytics.Tests.Sentiment;

public sealed class SentimentPromptTests
{
    [Theory]
    [InlineData("4", 4)]
    [InlineData(" 1\n", 1)]
    [InlineData("5.", 5)]
    [InlineData("**2**", 2)]
    [InlineData("Score: 3", 3)]
    [InlineData("4/5", 4)]
    public void TryParseScore_AStandaloneDigitFromOneToFive_IsTheScore(string answer, int expected)
    {
        Assert.True(SentimentPrompt.TryParseScore(answer, out var score));
        Assert.Equal(expected, score);
    }

    [Theory]
    [InlineData("")]
    [InlineData("four")]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("10")]
    [InlineData("45")]
    public void TryParseScore_NoDigitOrOutOfScale_IsNoScore(string answer) =>
        Assert.False(SentimentPrompt.TryParseScore(answer, out _));
}
