using System.Text;

namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>
/// Splits a message into folded words and emoji in one pass, writing the words into a caller-provided buffer
/// separated by single spaces, so a run of words is one contiguous slice that can be looked up as a phrase.
/// </summary>
internal static class SentimentTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>. Both buffers must be at least <c>text.Length</c> long: every
    /// token and every separator is paid for by at least one character of the text.</summary>
    public static SentimentScan Tokenize(ReadOnlySpan<char> text, Span<char> folded, Span<SentimentToken> tokens)
    {
        var scan = default(SentimentScan);
        var written = 0;
        var pending = SentimentTokenFlags.None;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (written > 0)
                {
                    folded[written++] = ' ';
                }

                var start = written;
                var upper = 0;
                var lower = false;
                while (i < text.Length)
                {
                    c = text[i];
                    if (char.IsLetterOrDigit(c))
                    {
                        if (char.IsUpper(c))
                        {
                            upper++;
                        }
                        else if (char.IsLower(c))
                        {
                            lower = true;
                        }

                        folded[written++] = TextFolding.Fold(c);
                        i++;
                    }
                    else if (TextFolding.IsInWordMark(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                var flags = pending;
                if (upper >= 2 && !lower)
                {
                    flags |= SentimentTokenFlags.Caps;
                    if (written - start >= 3)
                    {
                        scan.ShoutedWords++;
                    }
                }

                tokens[scan.TokenCount++] = new SentimentToken { Start = start, Length = written - start, Flags = flags };
                pending = SentimentTokenFlags.None;
                continue;
            }

            if (c is ':' or ';' or '=' or '<' or '>'
                && EmojiSentiment.TryMatchEmoticon(text, i, out var emoticonLength, out var emoticonValence))
            {
                AddEmoji(ref scan, tokens, written, pending, emoticonValence);
                pending = SentimentTokenFlags.SoftBreakBefore;
                i += emoticonLength;
                continue;
            }

            if (c >= '\u2000' && Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                if (EmojiSentiment.TryGetEmoji(rune.Value, out var emojiValence))
                {
                    AddEmoji(ref scan, tokens, written, pending, emojiValence);
                    pending = SentimentTokenFlags.None;
                }

                // Emoji and other symbols end a clause as a comma would; variation selectors and skin tones follow
                // their emoji and change nothing.
                if (!IsEmojiModifier(rune.Value))
                {
                    pending |= SentimentTokenFlags.SoftBreakBefore;
                }

                i += consumed;
                continue;
            }

            switch (c)
            {
                case '!':
                    scan.Exclamations++;
                    pending |= SentimentTokenFlags.HardBreakBefore;
                    break;
                case '?':
                    scan.Questions++;
                    pending |= SentimentTokenFlags.HardBreakBefore;
                    break;
                case '.' or ';' or '¡' or '¿' or '\n' or '\r':
                    pending |= SentimentTokenFlags.HardBreakBefore;
                    break;
                case ',' or ':' or '(' or ')' or '[' or ']' or '"':
                    pending |= SentimentTokenFlags.SoftBreakBefore;
                    break;
            }

            i++;
        }

        scan.FoldedLength = written;
        return scan;
    }

    private static void AddEmoji(ref SentimentScan scan, Span<SentimentToken> tokens, int written, SentimentTokenFlags pending, float valence) =>
        tokens[scan.TokenCount++] = new SentimentToken
        {
            Start = written,
            Length = 0,
            EmojiValence = valence,
            Flags = pending | SentimentTokenFlags.Emoji,
        };

    private static bool IsEmojiModifier(int codePoint) =>
        codePoint is 0xFE0F or 0xFE0E or 0x200D or (>= 0x1F3FB and <= 0x1F3FF);
}
