using ContactOS.Analytics.Sentiment.Llm;

namespace ContactOS.Analytics.Tests.Sentiment;

public sealed class SentimentPromptTests
{
    [Theory]
    [InlineData("[4, 1, 5]", new[] { 4, 1, 5 })]
    [InlineData("```json\n[2,3,2]\n```", new[] { 2, 3, 2 })]
    [InlineData("Scores: [1, 2, 3].", new[] { 1, 2, 3 })]
    [InlineData("[4, \"4\", 7]", new[] { 4, 0, 0 })]
    [InlineData("[4.5, 0, 5]", new[] { 0, 0, 5 })]
    public void TryParseScores_AnArrayWithOneItemPerMessage_GivesTheScoresAndZeroForItemsThatAreNotScores(string answer, int[] expected)
    {
        var scores = new int[expected.Length];
        Assert.True(SentimentPrompt.TryParseScores(answer, scores));
        Assert.Equal(expected, scores);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("[4, 1]")]
    [InlineData("[4, 1, 5, 5]")]
    [InlineData("[4, 1, ")]
    [InlineData("] [")]
    public void TryParseScores_NoArrayOrTheWrongNumberOfItems_IsNoScores(string answer) =>
        Assert.False(SentimentPrompt.TryParseScores(answer, new int[3]));

    [Fact]
    public void UserMessage_NumbersTheMessagesOnePerLine()
    {
        string[] texts = ["skipped", "first\r\nmessage", "second"];
        Assert.Equal("1. first  message\n2. second\n", SentimentPrompt.UserMessage(texts, [1, 2]));
    }
}
