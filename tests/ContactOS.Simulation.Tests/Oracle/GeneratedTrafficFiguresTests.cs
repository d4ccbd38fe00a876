using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;
using ContactOS.Simulation.Oracle;
using ContactOS.Simulation.Tests.Traffic;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class GeneratedTrafficFiguresTests(GeneratedTraffic traffic) : IClassFixture<GeneratedTraffic>
{
    private static readonly TimeZoneInfo s_madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    [Theory]
    [InlineData("today")]
    [InlineData("7d")]
    [InlineData("30d")]
    [InlineData("90d")]
    public void Breakdowns_add_up_to_the_kpis_on_realistic_traffic(string name)
    {
        var truth = new GroundTruth(traffic.Events, _ => s_madrid, text => text.Length % 5 + 1);
        var period = PeriodResolver.Resolve(name, GeneratedTraffic.Now, s_madrid);

        foreach (var tenant in GeneratedTraffic.Options.TenantIds)
        {
            var figures = truth.Compute(tenant, period, GeneratedTraffic.Now);

            Assert.Equal(period.Buckets, figures.Volume.Buckets.Select(b => b.Start));
            Assert.Equal(figures.ResolutionSplit.Ai, figures.Volume.Buckets.Sum(b => b.AiResolved));
            Assert.Equal(figures.ResolutionSplit.Human, figures.Volume.Buckets.Sum(b => b.HumanResolved));
            Assert.Equal(figures.Kpis.AiResolutionRate, (double)figures.ResolutionSplit.Ai / figures.Kpis.TotalConversations, precision: 12);
            Assert.InRange(figures.HandoffReasons.Reasons.Sum(r => r.Count), figures.ResolutionSplit.Human, figures.Kpis.TotalConversations);
            Assert.All(figures.TopIntents.Intents, i => Assert.InRange(i.Count, 1, figures.Kpis.TotalConversations));
            Assert.Equal(figures.Insights.Conversations, figures.Kpis.TotalConversations);
            Assert.Equal(GeneratedTraffic.Options.AgentsPerTenant, figures.Agents.Agents.Count);
        }
    }

    [Fact]
    public void Every_second_wave_figure_has_data_in_every_segment_over_ninety_days()
    {
        var truth = new GroundTruth(traffic.Events, _ => s_madrid, text => text.Length % 5 + 1);
        var period = PeriodResolver.Resolve("90d", GeneratedTraffic.Now, s_madrid);
        var now = GeneratedTraffic.Now;
        var settings = AnalyticsSettings.Default with { AgentCostPerHour = 25m, CostPerHumanConversation = 4m, MonthlyBudget = 50m };

        foreach (var tenant in GeneratedTraffic.Options.TenantIds)
        {
            var times = truth.ResponseTimes(tenant, period);
            Assert.All([times.FirstResponse, times.HumanFirstResponse, times.HandleTime, times.ResolutionTime], t => Assert.True(t.Count > 0 && t.P99 > t.P50, $"{tenant}: {t}"));

            var quality = truth.Quality(tenant, period, now, settings);
            Assert.All([quality.Csat.Ai, quality.Csat.Human, quality.Csat.All], c => Assert.True(c.Responses > 0 && c.SatisfiedShare is > 0 and < 1, $"{tenant}: {c}"));
            Assert.All([quality.Nps.Ai, quality.Nps.Human, quality.Nps.All], n => Assert.True(n.Promoters > 0 && n.Passives > 0 && n.Detractors > 0, $"{tenant}: {n}"));
            Assert.All(
                new[] { quality.FeedbackResponseRate, quality.ReopenRate, quality.FirstContactResolution, quality.Abandonment }
                    .SelectMany(s => new[] { s.Ai, s.Human, s.All })
                    .Concat([quality.TransferRate.Ai, quality.TransferRate.Human]),
                r => Assert.True(r.Count > 0 && r.Count < r.Of, $"{tenant}: {r}"));

            var intents = truth.Intents(tenant, period, settings);
            Assert.Contains(intents.Intents, i => i.Intent == "fallback" && i.MeanConfidence < 0.7);
            Assert.All(intents.Histogram.Skip(1), b => Assert.True(b.Detections > 0, $"{tenant}: {b}"));
            Assert.True(intents.LowConfidence.Count > 0 && intents.LowConfidence.Count < intents.LowConfidence.Of, $"{tenant}: {intents.LowConfidence}");
            Assert.True(intents.Fallback.Count > 0 && intents.Fallback.Count < intents.Fallback.Of, $"{tenant}: {intents.Fallback}");

            var tools = truth.Tools(tenant, period).Tools;
            Assert.True(tools.Sum(t => t.Succeeded) > 0 && tools.Sum(t => t.Failed) > 0, tenant);
            Assert.Contains(tools, t => t.LatencyMs.Count > 0 && t.LatencyMs.Count < t.Calls);

            var dropOff = truth.DropOff(tenant, period, now, settings);
            Assert.Equal(quality.Abandonment.All.Count, dropOff.Abandoned);
            Assert.Contains(dropOff.ByLastIntent, c => c.Name == ExpectedDropOff.NoIntent);
            Assert.Contains(dropOff.ByLastIntent, c => c.Name == "fallback");

            var costs = truth.Costs(tenant, period, now, settings);
            Assert.Equal(["gpt-4o", "gpt-4o-mini"], costs.Models.Select(m => m.Model).Order(StringComparer.Ordinal));
            Assert.All(costs.Models, m => Assert.True(m.Cost > 0 && m.Tokens > 0, $"{tenant}: {m}"));
            Assert.True(costs.PerConversation.Cost > 0 && costs.AiResolution.Cost > 0 && costs.HumanResolution.Cost > 0, tenant);
            Assert.True(costs.HumanResolution.HandleHours > 0 && costs.Automation.NetSaved > 0 && costs.Budget.SpendToDate > 0, tenant);
            Assert.Equal(truth.Kpis(tenant, period, now).AiResolutionRate, costs.Automation.Rate);
        }
    }
}
