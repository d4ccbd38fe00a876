using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;
using ContactOS.Grains.Queries;
using ContactOS.Simulation.Oracle;
using ContactOS.Simulation.Tests.Oracle;
using ContactOS.Testing.Analytics;
using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Analytics;

public sealed class SecondWaveComparisonTests
{
    private const string Now = "2026-01-15T23:00:00Z";

    private static readonly AnalyticsSettings s_settings = AnalyticsSettings.Default with { AgentCostPerHour = 20m, CostPerHumanConversation = 3m, MonthlyBudget = 10m };

    private static readonly ResolvedPeriod s_today = Period("today", Now);

    private static readonly GroundTruth s_truth = new Scenario()
        .Started("c1", "2026-01-15T09:00:00Z")
        .Message("c1", "2026-01-15T09:00:10Z")
        .Spent("c1", "2026-01-15T09:00:13Z", tokens: 120, cost: 0.0015m)
        .Intent("c1", "2026-01-15T09:00:11Z", "billing", 0.65)
        .Tool("c1", "2026-01-15T09:00:12Z", "get_invoice", success: true, latencyMs: 340)
        .Resolved("c1", "2026-01-15T09:05:00Z", "ai")
        .Feedback("c1", "2026-01-15T09:06:00Z", csat: 5, nps: 9)
        .Started("c2", "2026-01-15T10:00:00Z")
        .Message("c2", "2026-01-15T10:00:10Z")
        .Spent("c2", "2026-01-15T10:00:17Z", tokens: 80, cost: 0.004m, model: "gpt-4o")
        .Handoff("c2", "2026-01-15T10:01:00Z", "billing")
        .Assigned("c2", "2026-01-15T10:02:00Z")
        .Message("c2", "2026-01-15T10:03:00Z", role: "agent")
        .Resolved("c2", "2026-01-15T10:30:00Z", "human")
        .Truth();

    private static SecondWaveFigures Oracle() => new(
        s_truth.ResponseTimes(Tenant, s_today),
        s_truth.Quality(Tenant, s_today, At(Now), s_settings),
        s_truth.Intents(Tenant, s_today, s_settings),
        s_truth.Tools(Tenant, s_today),
        s_truth.DropOff(Tenant, s_today, At(Now), s_settings),
        s_truth.Costs(Tenant, s_today, At(Now), s_settings));

    private static FigureDifferences Compare(SecondWaveFigures served)
    {
        var differences = new FigureDifferences();
        differences.CompareSecondWave("acme today", s_truth, Tenant, s_today, At(Now), s_settings, served);
        return differences;
    }

    private static SecondWaveFigures WithFirstResponseP90(double factor)
    {
        var figures = Oracle();
        var first = figures.ResponseTimes.FirstResponse;
        return figures with { ResponseTimes = figures.ResponseTimes with { FirstResponse = first with { P90 = first.P90 * factor } } };
    }

    [Fact]
    public void The_oracles_own_figures_show_no_difference()
    {
        var differences = Compare(Oracle());

        Assert.Empty(differences.All);
        Assert.True(differences.Compared > 100, $"{differences.Compared} comparisons");
    }

    [Theory]
    [InlineData(1.02)]
    [InlineData(0.98)]
    public void A_percentile_off_by_two_percent_is_a_difference(double factor)
    {
        var differences = Compare(WithFirstResponseP90(factor));

        Assert.StartsWith("acme today response-times firstResponse p90: oracle 7, engine ", Assert.Single(differences.All), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.005)]
    [InlineData(0.995)]
    public void A_percentile_off_by_half_a_percent_is_not(double factor) => Assert.Empty(Compare(WithFirstResponseP90(factor)).All);

    [Fact]
    public void A_mean_or_money_off_by_a_little_is_a_difference()
    {
        var figures = Oracle();
        var first = figures.ResponseTimes.FirstResponse;
        var served = figures with
        {
            ResponseTimes = figures.ResponseTimes with { FirstResponse = first with { Mean = first.Mean * 1.001 } },
            Costs = figures.Costs with { Budget = figures.Costs.Budget with { SpendToDate = figures.Costs.Budget.SpendToDate + 0.000001m } },
        };

        var differences = Compare(served).All;

        Assert.Equal(2, differences.Count);
        Assert.Contains(differences, d => d.StartsWith("acme today response-times firstResponse mean", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("acme today costs budget spendToDate", StringComparison.Ordinal));
    }

    [Fact]
    public void Served_reports_map_into_the_oracles_records()
    {
        var (from, to) = (s_today.From, s_today.To);
        var duration = new DurationSummary(2, 1.5, 1, 2, 2, 2);
        var rate = new RateFigure(1, 2, 0.5);
        var none = new DurationSummary(0, null, null, null, null, null);

        var figures = SecondWaveFigures.From(
            new ResponseTimesReport("today", from, to, duration, none, none, duration),
            new QualityReport(
                "today", from, to, 24, 12,
                new SegmentFigures<CsatFigures>(new(1, 5, 1), new(0, null, null), new(1, 5, 1)),
                new SegmentFigures<NpsFigures>(new(1, 1, 0, 0, 100), new(0, 0, 0, 0, null), new(1, 1, 0, 0, 100)),
                new SegmentFigures<RateFigure>(rate, rate, rate),
                new SegmentFigures<RateFigure>(rate, rate, rate),
                new SegmentFigures<RateFigure>(rate, rate, rate),
                new TransferRates(rate, new RateFigure(0, 0, 0)),
                new SegmentFigures<RateFigure>(rate, rate, rate)),
            new IntentsReport(
                "today", from, to, 3, [new IntentFigures("billing", 2, 3, 0.65)], [new ConfidenceBin(0.6, 0.7, 3)], 0.7, rate, ["fallback"], rate),
            new ToolsReport("today", from, to, [new ToolFigures("get_invoice", 1, 1, 0, 1, new DurationSummary(1, 340, 340, 340, 340, 340))]),
            new DropOffReport("today", from, to, 2, 1, [new IntentCount("(none)", 1)]),
            new CostsReport(
                "today", from, to, "EUR",
                [new ModelSpend("gpt-4o", 1, 80, 0.004m)],
                new ConversationSpend(2, 200, 0.0055m, 100, 0.00275m),
                new AiResolutionCost(1, 0.0015m, 0.0015m),
                new HumanResolutionCost(1, 0.004m, 0.5, 10m, 10.004m),
                new AutomationSavings(1, 2, 0.5, 3m, 2.9985m),
                new BudgetStatus(At("2026-01-01T00:00:00Z"), 0.0055m, 0.0113m, 10m, false)));

        Assert.Equal(new ExpectedDuration(2, 1.5, 1, 2, 2, 2), figures.ResponseTimes.FirstResponse);
        Assert.Equal((24.0, 12.0), (figures.Quality.ReopenWindowHours, figures.Quality.AbandonAfterHours));
        Assert.Equal(new ExpectedCsat(0, null, null), figures.Quality.Csat.Human);
        Assert.Equal(new ExpectedRate(0, 0, 0), figures.Quality.TransferRate.Human);
        Assert.Equal(new ExpectedIntent("billing", 2, 3, 0.65), Assert.Single(figures.Intents.Intents));
        Assert.Equal(new ExpectedConfidenceBin(0.6, 0.7, 3), Assert.Single(figures.Intents.Histogram));
        Assert.Equal(340, Assert.Single(figures.Tools.Tools).LatencyMs.P99);
        Assert.Equal(new ExpectedCount("(none)", 1), Assert.Single(figures.DropOff.ByLastIntent));
        Assert.Equal(new ExpectedHumanResolutionCost(1, 0.004m, 0.5, 10m, 10.004m), figures.Costs.HumanResolution);
        Assert.Equal(new ExpectedBudget(At("2026-01-01T00:00:00Z"), 0.0055m, 0.0113m, 10m, false), figures.Costs.Budget);
    }
}
