using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Sentiment;
using ContactOS.Simulation;
using ContactOS.Simulation.Oracle;
using ContactOS.Testing.Analytics;
using ContactOS.Testing.Processes;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>Every figure a silo serves for a set of tenants, compared with the ground truth of what was sent.</summary>
internal static class ClusterFigures
{
    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    /// <summary>The oracle for <paramref name="arrivals"/>, each tenant in its time zone (<paramref name="zones"/>).</summary>
    public static GroundTruth Oracle(IEnumerable<TenantEvent> arrivals, IReadOnlyDictionary<string, string> zones) =>
        new(arrivals, tenant => TimeZoneInfo.FindSystemTimeZoneById(zones[tenant]), new LexiconSentimentScorer().Score);

    /// <summary>Every endpoint, tenant and period as <paramref name="silo"/> serves them now, against <paramref name="oracle"/>.</summary>
    public static async Task<FigureDifferences> CompareAsync(
        SiloProcess silo, PlatformClient client, IReadOnlyDictionary<string, string> zones, GroundTruth oracle)
    {
        var now = DateTimeOffset.UtcNow;
        var differences = new FigureDifferences();
        foreach (var (tenant, zoneId) in zones)
        {
            foreach (var name in s_periods)
            {
                var period = PeriodResolver.Resolve(name, now, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
                differences.Compare($"{tenant} {name}", oracle, tenant, period, now, await HttpFigures.ReadAsync(silo, client.Token(tenant), name));
            }
        }

        return differences;
    }

    /// <summary>
    /// Compares until nothing differs or <paramref name="giveUpAfter"/> has passed (at least once), and returns the last
    /// comparison and how many were made: figures a moving tenant serves may lag until its new owner has caught up.
    /// </summary>
    public static async Task<(FigureDifferences Differences, int Comparisons)> UntilExactAsync(
        SiloProcess silo, PlatformClient client, IReadOnlyDictionary<string, string> zones, GroundTruth oracle, TimeSpan giveUpAfter)
    {
        var deadline = DateTimeOffset.UtcNow + giveUpAfter;
        for (var comparisons = 1; ; comparisons++)
        {
            var differences = await CompareAsync(silo, client, zones, oracle);
            if (differences.All.Count == 0 || DateTimeOffset.UtcNow > deadline)
            {
                return (differences, comparisons);
            }

            await Task.Delay(200);
        }
    }
}
