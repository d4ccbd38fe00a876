using System.Buffers;

namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>Tokenizes a message into stack buffers (pooled ones beyond <see cref="StackLimit"/> characters) and
/// lets a reader work on the tokens.</summary>
internal static class SentimentText
{
    public const int StackLimit = 256;

    public static TResult Read<TReader, TResult>(ReadOnlySpan<char> text)
        where TReader : ITokenReader<TResult>
    {
        char[]? rentedChars = null;
        SentimentToken[]? rentedTokens = null;
        try
        {
            var folded = text.Length <= StackLimit
                ? stackalloc char[StackLimit]
                : (rentedChars = ArrayPool<char>.Shared.Rent(text.Length));
            var tokens = text.Length <= StackLimit
                ? stackalloc SentimentToken[StackLimit]
                : (rentedTokens = ArrayPool<SentimentToken>.Shared.Rent(text.Length));

            var scan = SentimentTokenizer.Tokenize(text, folded, tokens);
            return TReader.Read(folded[..scan.FoldedLength], tokens[..scan.TokenCount], scan);
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }

            if (rentedTokens is not null)
            {
                ArrayPool<SentimentToken>.Shared.Return(rentedTokens);
            }
        }
    }
}
