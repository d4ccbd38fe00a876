using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Sentiment;
using ContactOS.Analytics.Settings;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Simulation;
using ContactOS.Simulation.Oracle;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing.Analytics;

namespace ContactOS.Silo.Tests.Durability;

/// <summary>
/// A tenant that moves to another time zone gets every figure in the new zone's hours and days, as if it had been created
/// there: at once, through the API, and still after a graceful restart.
/// </summary>
public sealed class TimeZoneChangeTests : IAsyncLifetime
{
    private const string Kolkata = "Asia/Kolkata";
    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    private readonly SiloSession _session = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task After_a_time_zone_change_every_figure_equals_a_tenant_created_in_that_zone_also_after_a_restart()
    {
        var moved = AuthSilo.NewTenant("moved");
        var native = AuthSilo.NewTenant("native");
        var generated = TrafficGenerator.Generate(TrafficOptions.EndingAt(DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(40)) with
        {
            Seed = 11,
            TenantIds = ["t"],
            ConversationsPerTenant = 400,
            AgentsPerTenant = 3,
        });
        await _session.StartAsync();
        await _session.SetTenantAsync(moved, "UTC");
        await _session.SetTenantAsync(native, Kolkata);
        foreach (var batch in generated.Chunk(500))
        {
            var events = batch.Select(e => e.Event).ToArray();
            await _session.PostEventsAsync(moved, events);
            await _session.PostEventsAsync(native, events);
        }

        await _session.SetTenantAsync(moved, Kolkata);

        // Kolkata's hours start at half past the UTC hour: had the buckets stayed in UTC, every hourly bucket would differ.
        var arrivals = generated.SelectMany(e => new[] { e with { TenantId = moved }, e with { TenantId = native } }).ToList();
        await AssertBothEqualTheGroundTruthInKolkataAsync(arrivals, moved, native);

        await _session.StopAsync();
        await _session.StartAsync();
        await AssertBothEqualTheGroundTruthInKolkataAsync(arrivals, moved, native);
    }

    private async Task AssertBothEqualTheGroundTruthInKolkataAsync(IReadOnlyList<TenantEvent> arrivals, params string[] tenants)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Kolkata);
        var oracle = new GroundTruth(arrivals, _ => zone, new LexiconSentimentScorer().Score);
        for (var attempt = 0; ; attempt++)
        {
            var now = DateTimeOffset.UtcNow;
            var differences = new FigureDifferences();
            foreach (var tenant in tenants)
            {
                foreach (var name in s_periods)
                {
                    var period = PeriodResolver.Resolve(name, now, zone);
                    differences.Compare($"{tenant} {name}", oracle, tenant, period, now, await _session.FiguresAsync(tenant, name));
                    differences.CompareSecondWave(
                        $"{tenant} {name}", oracle, tenant, period, now, AnalyticsSettings.Default, await _session.SecondWaveAsync(tenant, name), TimeSpan.FromMinutes(1));
                }
            }

            // The server resolves periods with its own clock: compare again if an hour boundary passed meanwhile.
            if (differences.All.Count == 0 || (attempt == 0 && DateTimeOffset.UtcNow.Hour != now.Hour))
            {
                if (differences.All.Count == 0)
                {
                    Assert.True(differences.Compared > 1_000, $"only {differences.Compared} figures compared");
                    return;
                }

                continue;
            }

            Assert.Fail($"{differences.All.Count} of {differences.Compared} figures differ:{Environment.NewLine}{string.Join(Environment.NewLine, differences.All.Take(40))}");
        }
    }
}
