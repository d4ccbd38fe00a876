using System.Text;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// Text a client sent, made safe for one log line: control characters (line breaks, escape sequences, NUL) become
/// <c>\uXXXX</c>, and long text is cut, so no client can forge log lines or flood the log.
/// </summary>
internal static class ClientText
{
    private const int MaxLength = 200;

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var cut = text.Length > MaxLength;
        var shown = cut ? text.AsSpan(0, MaxLength) : text.AsSpan();
        if (shown.IndexOfAnyInRange('\u0000', '\u001f') < 0 && shown.IndexOfAnyInRange('\u007f', '\u009f') < 0 && !cut)
        {
            return text;
        }

        var escaped = new StringBuilder(shown.Length + 16);
        foreach (var c in shown)
        {
            if (char.IsControl(c))
            {
                escaped.Append(@"\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return cut ? escaped.Append('…').ToString() : escaped.ToString();
    }
}
