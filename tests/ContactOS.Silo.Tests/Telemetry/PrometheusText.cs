using System.Globalization;

namespace ContactOS.Silo.Tests.Telemetry;

/// <summary>Reads samples out of a Prometheus text exposition, as a scraper sees it.</summary>
internal static class PrometheusText
{
    /// <summary>
    /// The sum of the samples of <paramref name="metric"/> whose labels include <paramref name="label"/> (e.g.
    /// <c>outcome="accepted"</c>); 0 when there is none.
    /// </summary>
    public static double Sum(string exposition, string metric, string? label = null)
    {
        var total = 0d;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[metric.Length..];
            string labels = "";
            if (rest.StartsWith('{'))
            {
                var end = rest.IndexOf('}', StringComparison.Ordinal);
                labels = rest[1..end];
                rest = rest[(end + 1)..];
            }
            else if (!rest.StartsWith(' '))
            {
                continue; // another metric whose name starts the same
            }

            if (label is null || labels.Split(',').Contains(label, StringComparer.Ordinal))
            {
                total += double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return total;
    }
}
