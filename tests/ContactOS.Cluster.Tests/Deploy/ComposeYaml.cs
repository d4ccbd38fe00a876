using System.Text;
using System.Text.Json.Nodes;

namespace ContactOS.Cluster.Tests.Deploy;

/// <summary>
/// Reads what <c>docker-compose config</c> prints (1.29 has no JSON output) into JSON nodes, every scalar a string.
/// Only the block style that command writes is understood: nested mappings, sequences written "- item" (also
/// "- key: value" starting a mapping), plain and quoted scalars, scalars folded over several lines, {} and [].
/// Anything else (anchors, flow collections with content, block scalars) throws: the reader is not a YAML parser.
/// </summary>
internal static class ComposeYaml
{
    public static JsonObject Parse(string yaml)
    {
        var lines = Logical(yaml);
        var position = 0;
        var root = lines.Count == 0 ? new JsonObject() : ParseNode(lines, ref position, lines[0].Indent);
        if (position != lines.Count)
        {
            throw new FormatException($"Unexpected indentation at '{lines[position].Text}'.");
        }

        return root as JsonObject ?? throw new FormatException("The document is not a mapping.");
    }

    /// <summary>One entry: "key: value", "key:", "- value" or "-" (an item whose content follows, indented).</summary>
    private sealed record Line(int Indent, bool IsItem, string? Key, string Text);

    private static List<Line> Logical(string yaml)
    {
        var lines = new List<Line>();
        foreach (var raw in yaml.Split('\n'))
        {
            var text = raw.TrimEnd('\r', ' ');
            var content = text.TrimStart(' ');
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            var indent = text.Length - content.Length;
            var previous = lines.Count > 0 ? lines[^1] : null;
            // A line deeper than an entry that already has its scalar continues that scalar (folded: one space).
            if (previous is not null && indent > previous.Indent && previous.Text.Length > 0)
            {
                lines[^1] = previous with { Text = previous.Text + " " + content };
                continue;
            }

            if (content == "-" || content.StartsWith("- ", StringComparison.Ordinal))
            {
                var item = content[1..].TrimStart(' ');
                var itemIndent = indent + (content.Length - item.Length);
                if (item.Length > 0 && !IsQuoted(item) && SplitKey(item) is { } inner)
                {
                    // "- key: value" is an item holding a mapping whose first key sits where the text starts.
                    lines.Add(new Line(indent, IsItem: true, Key: null, Text: ""));
                    lines.Add(new Line(itemIndent, IsItem: false, inner.Key, inner.Value));
                }
                else
                {
                    lines.Add(new Line(indent, IsItem: true, Key: null, Text: item));
                }

                continue;
            }

            var entry = SplitKey(content) ?? throw new FormatException($"Expected 'key: value' or '- item', got '{content}'.");
            lines.Add(new Line(indent, IsItem: false, entry.Key, entry.Value));
        }

        return lines;
    }

    private static JsonNode ParseNode(List<Line> lines, ref int position, int indent)
    {
        if (lines[position].IsItem)
        {
            var sequence = new JsonArray();
            while (position < lines.Count && lines[position].Indent == indent && lines[position].IsItem)
            {
                sequence.Add(ParseValue(lines, ref position, indent));
            }

            return sequence;
        }

        var mapping = new JsonObject();
        while (position < lines.Count && lines[position].Indent == indent && !lines[position].IsItem)
        {
            var key = lines[position].Key!;
            mapping[key] = ParseValue(lines, ref position, indent);
        }

        return mapping;
    }

    /// <summary>The value of the entry at <paramref name="position"/>: its scalar, or the block below it.</summary>
    private static JsonNode? ParseValue(List<Line> lines, ref int position, int indent)
    {
        var line = lines[position++];
        if (line.Text.Length > 0)
        {
            return Scalar(line.Text);
        }

        // PyYAML writes a mapping's sequence at the key's own indentation ("ports:\n- ..."), nested blocks deeper.
        var hasBlock = position < lines.Count &&
            (lines[position].Indent > indent || (!line.IsItem && lines[position].Indent == indent && lines[position].IsItem));
        return hasBlock ? ParseNode(lines, ref position, lines[position].Indent) : null;
    }

    private static JsonNode Scalar(string text) => text switch
    {
        "{}" => new JsonObject(),
        "[]" => new JsonArray(),
        _ when text.StartsWith('{') || text.StartsWith('[') || text.StartsWith('&') || text.StartsWith('*') ||
            text.StartsWith('|') || text.StartsWith('>') => throw new FormatException($"Unsupported YAML value '{text}'."),
        _ => JsonValue.Create(Unquote(text)),
    };

    private static bool IsQuoted(string text) => text.StartsWith('\'') || text.StartsWith('"');

    private static string Unquote(string text)
    {
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            return text[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            var value = new StringBuilder();
            for (var i = 1; i < text.Length - 1; i++)
            {
                if (text[i] != '\\')
                {
                    value.Append(text[i]);
                    continue;
                }

                i++;
                value.Append(text[i] switch
                {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    var escaped => escaped,
                });
            }

            return value.ToString();
        }

        return text;
    }

    /// <summary>"key: value" or "key:" (key plain or quoted); null when the text is not a mapping entry.</summary>
    private static (string Key, string Value)? SplitKey(string text)
    {
        int end;
        if (IsQuoted(text))
        {
            end = text.IndexOf(text[0], 1);
            if (end < 0)
            {
                return null;
            }

            end++;
        }
        else
        {
            var separator = text.IndexOf(": ", StringComparison.Ordinal);
            end = separator >= 0 ? separator : text.EndsWith(':') ? text.Length - 1 : -1;
            if (end <= 0)
            {
                return null;
            }
        }

        var rest = text[end..];
        if (rest != ":" && !rest.StartsWith(": ", StringComparison.Ordinal))
        {
            return null;
        }

        return (Unquote(text[..end]), rest[1..].Trim(' '));
    }
}
