using System.Text;
using System.Text.Json;

namespace ContactOS.Analytics.Sentiment.Llm;

/// <summary>What the model is told, and how its answer becomes scores: one request carries a numbered list of messages.</summary>
internal static class SentimentPrompt
{
    public const string System =
        "You rate the sentiment of messages from contact-centre conversations. A message may come from a customer, " +
        "an AI agent or a human agent, in English or Spanish. You get a numbered list with one message per line. " +
        "Answer with a JSON array of integers from 1 to 5, one per message in the order given, and nothing else; " +
        "for three messages, for example: [2,5,3]\n" +
        "1 = very negative: complaints, anger, threats to cancel or to take legal action.\n" +
        "2 = negative: problems, confusion, repeated questions.\n" +
        "3 = neutral: factual requests and statements.\n" +
        "4 = positive: thanks, satisfaction.\n" +
        "5 = very positive: praise, loyalty.";

    // Bounds the request size (and the model's latency) for pasted documents; sentiment is evident well before this.
    internal const int MaxMessageChars = 2_000;

    /// <summary>"1. first message\n2. second message\n...": line breaks inside a message become spaces, so each stays one item.</summary>
    public static string UserMessage(IReadOnlyList<string> texts, ReadOnlySpan<int> indices)
    {
        var list = new StringBuilder();
        for (var i = 0; i < indices.Length; i++)
        {
            var text = texts[indices[i]];
            var shown = text.AsSpan(0, Math.Min(text.Length, MaxMessageChars));
            list.Append(i + 1).Append(". ");
            foreach (var c in shown)
            {
                list.Append(c is '\r' or '\n' ? ' ' : c);
            }

            list.Append('\n');
        }

        return list.ToString();
    }

    /// <summary>
    /// Reads the first JSON array in the answer (models may wrap it in prose or a code fence) into
    /// <paramref name="scores"/>: true when it has exactly one item per message. An item that is not an integer from 1
    /// to 5 leaves 0 in its place, so that only that message needs another scorer.
    /// </summary>
    public static bool TryParseScores(string answer, Span<int> scores)
    {
        scores.Clear();
        var start = answer.IndexOf('[', StringComparison.Ordinal);
        var end = answer.IndexOf(']', Math.Max(start, 0));
        if (start < 0 || end < 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(answer.AsMemory(start, end - start + 1));
            if (document.RootElement.GetArrayLength() != scores.Length)
            {
                return false;
            }

            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                scores[index++] = item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var score) && score is >= 1 and <= 5 ? score : 0;
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
