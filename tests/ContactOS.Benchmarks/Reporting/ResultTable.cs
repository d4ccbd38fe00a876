using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContactOS.Benchmarks.Reporting;

/// <summary>Prints figures as an aligned table for people and, last, as one JSON object for tools.</summary>
internal sealed class ResultTable(string title)
{
    private readonly List<(string Name, string Value, string Note)> _rows = [];
    private readonly Dictionary<string, object> _json = [];

    /// <summary>A row; <paramref name="format"/> is a .NET numeric format, whole numbers by default, e.g. "N2" for milliseconds.</summary>
    public void Add(string name, double value, string unit, string note = "", string? jsonKey = null, string format = "N0")
    {
        _rows.Add((name, $"{value.ToString(format, CultureInfo.InvariantCulture)} {unit}", note));
        if (jsonKey is not null)
        {
            _json[jsonKey] = Math.Round(value, 2);
        }
    }

    public void AddJson(string key, object value) => _json[key] = value;

    /// <summary>The table, then the JSON line: the last line a suite prints.</summary>
    public void Print()
    {
        PrintTable();
        Console.WriteLine(JsonSerializer.Serialize(_json));
    }

    /// <summary>The table alone, for a suite that prints more than one before its JSON line.</summary>
    public void PrintTable()
    {
        var nameWidth = _rows.Max(r => r.Name.Length);
        var valueWidth = _rows.Max(r => r.Value.Length);
        var text = new StringBuilder().AppendLine().AppendLine(title).AppendLine(new string('-', title.Length));
        foreach (var (name, value, note) in _rows)
        {
            text.Append(name.PadRight(nameWidth)).Append("  ").Append(value.PadLeft(valueWidth));
            if (note.Length > 0)
            {
                text.Append("  ").Append(note);
            }

            text.AppendLine();
        }

        Console.WriteLine(text.ToString());
    }
}
