using System.Globalization;

namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>
/// The suites' few options: flags such as <c>--quick</c>, whole numbers such as <c>--events 50000</c> and choices such
/// as <c>--database postgres</c>.
/// </summary>
internal static class CommandLine
{
    public static bool Flag(string[] args, string name) => args.Contains(name, StringComparer.Ordinal);

    public static int? Number(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number.");
    }

    /// <summary>The value after <paramref name="name"/>, which must be one of <paramref name="choices"/>; null when absent.</summary>
    public static string? Choice(string[] args, string name, IReadOnlyList<string> choices)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < args.Length && choices.Contains(args[index + 1], StringComparer.Ordinal)
            ? args[index + 1]
            : throw new ArgumentException($"{name} needs one of: {string.Join(", ", choices)}.");
    }
}
