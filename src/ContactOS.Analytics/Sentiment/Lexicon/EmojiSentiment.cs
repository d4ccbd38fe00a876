namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>
/// Valences of the emoji and emoticons customers put in chat, on the lexicon's scale (about -3 to +3). An emoji
/// is a strong signal in short chat messages ("ok 🙂" vs "ok 😡"), so the angry and loving faces weigh as much
/// as the strongest words.
/// </summary>
internal static class EmojiSentiment
{
    public static bool TryGetEmoji(int codePoint, out float valence)
    {
        valence = codePoint switch
        {
            0x1F92C => -3.0f,  // face with symbols on mouth
            0x1F621 => -2.8f,  // pouting face 😡
            0x1F620 => -2.5f,  // angry face 😠
            0x1F4A9 => -2.0f,  // pile of poo
            0x1F624 => -2.0f,  // face with steam from nose 😤
            0x1F44E => -1.8f,  // thumbs down 👎
            0x1F494 => -1.8f,  // broken heart
            0x1F62D => -1.8f,  // loudly crying
            0x1F629 or 0x1F62B => -1.8f, // weary, tired face
            0x1F926 => -1.5f,  // face palm
            0x1F61E => -1.5f,  // disappointed face 😞
            0x1F622 => -1.5f,  // crying face
            0x1F612 or 0x1F644 => -1.5f, // unamused, eye roll
            0x1F616 or 0x1F623 => -1.5f, // confounded, persevering
            0x1F641 or 0x2639 => -1.2f, // slightly frowning 🙁, frowning ☹
            0x1F61F or 0x1F614 => -1.2f, // worried, pensive
            0x1F630 or 0x1F631 => -1.2f, // anxious, screaming
            0x1F615 or 0x1F613 => -1.0f, // confused, downcast sweat
            0x1F611 => -0.8f,  // expressionless
            0x1F62C => -0.6f,  // grimacing
            0x1F914 => -0.4f,  // thinking face: usually "this doesn't add up"
            0x1F610 => -0.3f,  // neutral face
            0x1F609 => 0.8f,   // winking
            0x1F602 or 0x1F923 => 0.8f, // laughing: often sarcastic, so weak
            0x1F525 => 0.8f,   // fire
            0x2705 => 0.8f,    // check mark
            0x1F642 => 1.0f,   // slightly smiling 🙂
            0x1F60E or 0x1F4AA or 0x2728 => 1.0f, // sunglasses, flexed biceps, sparkles
            0x263A => 1.2f,    // smiling ☺
            0x1F44D or 0x1F44C => 1.2f, // thumbs up 👍, OK hand
            0x2B50 => 1.2f,    // star
            0x1F600 or 0x1F606 => 1.3f, // grinning, squinting laugh
            0x1F60A or 0x1F603 or 0x1F604 or 0x1F601 => 1.5f, // smiling 😊 and grinning faces
            0x1F64F => 1.5f,   // folded hands 🙏: "thank you" in chat
            0x1F31F => 1.5f,   // glowing star
            0x1F917 => 1.8f,   // hugging
            0x1F44F or 0x1F64C or 0x1F389 or 0x1F4AF => 2.0f, // clapping, raised hands, party popper, 100
            0x2764 or 0x2665 or 0x1F495 or 0x1F496 or 0x1F497 or 0x1F499 or 0x1F49A or 0x1F49B or 0x1F49C
                or 0x1F9E1 or 0x1F90D or 0x1F63B or 0x1F618 => 2.0f, // hearts ❤️, blowing a kiss
            0x1F973 => 2.2f,   // partying face
            0x1F60D or 0x1F970 or 0x1F929 => 2.5f, // heart eyes 😍, smiling with hearts, star-struck
            _ => 0f,
        };
        return valence != 0f;
    }

    /// <summary>
    /// Matches an ASCII emoticon (":)", ":-(", ":'(", ";)", ":D", "<3", "&gt;:(" ...) starting at
    /// <paramref name="index"/>. It must stand apart from words, so "http://" and "8:30" are not faces.
    /// </summary>
    public static bool TryMatchEmoticon(ReadOnlySpan<char> text, int index, out int length, out float valence)
    {
        length = 0;
        valence = 0f;
        if (index > 0 && char.IsLetterOrDigit(text[index - 1]))
        {
            return false;
        }

        var i = index;
        var angry = false;
        if (text[i] == '<')
        {
            // "<3" heart, "</3" broken heart.
            if (i + 1 < text.Length && text[i + 1] == '3')
            {
                return Accept(text, index, i + 2, 1.8f, out length, out valence);
            }

            if (i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '3')
            {
                return Accept(text, index, i + 3, -1.8f, out length, out valence);
            }

            return false;
        }

        if (text[i] == '>')
        {
            angry = true;
            i++;
            if (i >= text.Length || text[i] != ':')
            {
                return false;
            }
        }

        if (text[i] is not (':' or ';' or '='))
        {
            return false;
        }

        var wink = text[i] == ';';
        i++;
        // A nose, or the tear of ":'(", which reads as the plain sad face.
        if (i < text.Length && text[i] is '-' or '\'' or '^')
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        float mouth = text[i] switch
        {
            ')' or ']' => 1.2f,
            'D' => 1.6f,
            'P' or 'p' => 0.8f,
            '*' => 1.2f,
            '(' or '[' => -1.3f,
            '@' => -2.2f,
            '/' or '\\' or 'S' or 's' => -0.7f,
            '|' => -0.3f,
            _ => 0f,
        };
        if (mouth == 0f || (wink && mouth < 0f))
        {
            return false;
        }

        if (angry)
        {
            mouth = mouth < 0f ? -2.2f : mouth;
        }

        if (wink)
        {
            mouth = 0.8f;
        }

        return Accept(text, index, i + 1, mouth, out length, out valence);
    }

    private static bool Accept(ReadOnlySpan<char> text, int start, int end, float value, out int length, out float valence)
    {
        // ":Delivery" or ":sin" are not faces.
        if (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            length = 0;
            valence = 0f;
            return false;
        }

        length = end - start;
        valence = value;
        return true;
    }
}
