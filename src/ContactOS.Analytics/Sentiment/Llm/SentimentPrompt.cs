namespace ContactOS.Analytics.Sentiment.Llm;

/// <summary>What the model is told, and how its answer becomes a score.</summary>
internal static class SentimentPrompt
{
    public const string System =
        "You rate the sentiment of one message from a contact-centre conversation. The message may come from a " +
        "customer, an AI agent or a human agent, in English or Spanish. Answer with a single digit from 1 to 5 " +
        "and nothing else.\n" +
        "1 = very negative: complaints, anger, threats to cancel or to take legal action.\n" +
        "2 = negative: problems, confusion, repeated questions.\n" +
        "3 = neutral: factual requests and statements.\n" +
        "4 = positive: thanks, satisfaction.\n" +
        "5 = very positive: praise, loyalty.";

    /// <summary>
    /// The first digit in the answer, if it is 1 to 5 and stands alone: "4", " 4.", "**4**" and "Score: 4" give 4;
    /// "10", "7" and "four" give nothing.
    /// </summary>
    public static bool TryParseScore(ReadOnlySpan<char> answer, out int score)
    {
        score = 0;
        var index = answer.IndexOfAnyInRange('0', '9');
        if (index < 0 || (index + 1 < answer.Length && char.IsAsciiDigit(answer[index + 1])))
        {
            return false;
        }

        var digit = answer[index] - '0';
        if (digit is < 1 or > 5)
        {
            return false;
        }

        score = digit;
        return true;
    }
}
