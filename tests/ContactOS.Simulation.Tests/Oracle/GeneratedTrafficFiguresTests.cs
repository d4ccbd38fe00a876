using ContactOS.Analytics.Periods;
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
}
