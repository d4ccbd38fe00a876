using System.Globalization;

namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>
/// Lower-cases and strips accents so that "ATENCIÓN", "atención" and "atencion" meet the same lexicon key:
/// customers type Spanish on phones and keyboards that often drop the accents, and shout in capitals.
/// </summary>
internal static class TextFolding
{
    public static char Fold(char c)
    {
        if (c < 128)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        return c switch
        {
            'á' or 'à' or 'â' or 'ä' or 'ã' or 'å' or 'Á' or 'À' or 'Â' or 'Ä' or 'Ã' or 'Å' => 'a',
            'é' or 'è' or 'ê' or 'ë' or 'É' or 'È' or 'Ê' or 'Ë' => 'e',
            'í' or 'ì' or 'î' or 'ï' or 'Í' or 'Ì' or 'Î' or 'Ï' => 'i',
            'ó' or 'ò' or 'ô' or 'ö' or 'õ' or 'Ó' or 'Ò' or 'Ô' or 'Ö' or 'Õ' => 'o',
            'ú' or 'ù' or 'û' or 'ü' or 'Ú' or 'Ù' or 'Û' or 'Ü' => 'u',
            // "senor" for "señor" is common on keyboards without ñ; no lexicon word depends on the difference.
            'ñ' or 'Ñ' => 'n',
            'ç' or 'Ç' => 'c',
            _ => char.ToLowerInvariant(c),
        };
    }

    /// <summary>True for characters that sit inside a word without ending it: apostrophes ("don't") and
    /// combining accents (an "e" followed by U+0301 instead of a precomposed "é").</summary>
    public static bool IsInWordMark(char c) =>
        c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4'
        || (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    /// <summary>Folds a lexicon term the way the scanner folds message text: words separated by one space,
    /// in-word marks dropped.</summary>
    public static string FoldTerm(string term)
    {
        var buffer = new char[term.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in term)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = Fold(c);
            }
            else if (!IsInWordMark(c))
            {
                pendingSpace = true;
            }
        }

        return new string(buffer, 0, length);
    }
}
