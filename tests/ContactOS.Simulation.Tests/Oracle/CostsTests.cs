using ContactOS.Analytics.Settings;
using ContactOS.Simulation.Oracle;
using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class CostsTests
{
    private const string Now = "2026-01-15T23:00:00Z";

    private static readonly TimeZoneInfo s_madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    private static readonly AnalyticsSettings s_priced = AnalyticsSettings.Default with
    {
        Currency = "EUR",
        AgentCostPerHour = 30m,
        CostPerHumanConversation = 5m,
        MonthlyBudget = 100m,
    };

    [Fact]
    public void Each_cost_is_rounded_to_millionths_halves_away_from_zero_before_it_is_summed()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Spent("c1", "2026-01-15T09:01:00Z", tokens: 1, cost: 0.0000005m)
            .Spent("c1", "2026-01-15T09:02:00Z", tokens: 1, cost: 0.0000005m)
            .Spent("c1", "2026-01-15T09:03:00Z", tokens: 1, cost: 0.00000049m)
            .Spent("c1", "2026-01-15T09:04:00Z", tokens: 1, cost: 0.0012345m)
            .Truth();

        var models = truth.Costs(Tenant, Period("today", Now), At(Now), AnalyticsSettings.Default).Models;

        Assert.Equal([new ExpectedModelSpend("gpt-4o-mini", 4, 4, 0.000001m + 0.000001m + 0m + 0.001235m)], models);
    }

    [Fact]
    public void Model_spend_goes_by_message_time_counts_messages_with_tokens_or_cost_and_orders_by_cost()
    {
        var truth = new Scenario()
            .Started("old", "2026-01-10T09:00:00Z")
            .Spent("old", "2026-01-15T09:01:00Z", tokens: 100, cost: 0.5m, model: "gpt-4o")
            .Spent("old", "2026-01-10T09:01:00Z", tokens: 100, cost: 7m, model: "gpt-4o")
            .Started("c1", "2026-01-15T09:00:00Z")
            .Spent("c1", "2026-01-15T09:01:00Z", tokens: 300, cost: null, model: "gpt-4o-mini")
            .Spent("c1", "2026-01-15T09:02:00Z", tokens: null, cost: 0.5m, model: "gpt-4o-mini")
            .Spent("c1", "2026-01-15T09:03:00Z", tokens: null, cost: null, model: "gpt-4o-mini")
            .Spent("c1", "2026-01-15T09:04:00Z", tokens: 10, cost: 0.1m, model: null)
            .Spent("c1", "2026-01-16T00:00:00Z", tokens: 10, cost: 9m, model: "gpt-4o-mini")
            .Truth();

        var models = truth.Costs(Tenant, Period("today", Now), At(Now), AnalyticsSettings.Default).Models;

        Assert.Equal(
            [
                new ExpectedModelSpend("gpt-4o", 1, 100, 0.5m),
                new ExpectedModelSpend("gpt-4o-mini", 2, 300, 0.5m),
                new ExpectedModelSpend("(unknown)", 1, 10, 0.1m),
            ],
            models);
    }

    [Fact]
    public void Per_conversation_and_per_resolution_costs_go_by_the_conversations_started_in_the_period()
    {
        var truth = new Scenario()
            .Conversation("ai", "2026-01-15T09:00:00Z", resolvedBy: "ai")
            .Spent("ai", "2026-01-15T09:01:00Z", tokens: 100, cost: 0.25m)
            .Spent("ai", "2026-01-16T09:01:00Z", tokens: 100, cost: 0.25m)
            .Started("human", "2026-01-15T09:00:00Z")
            .Spent("human", "2026-01-15T09:01:00Z", tokens: 400, cost: 1m)
            .Handoff("human", "2026-01-15T09:02:00Z", "billing")
            .Assigned("human", "2026-01-15T09:30:00Z")
            .Resolved("human", "2026-01-15T11:00:00Z", "human")
            .Started("open", "2026-01-15T09:00:00Z")
            .Started("old", "2026-01-10T09:00:00Z")
            .Spent("old", "2026-01-15T09:01:00Z", tokens: 1000, cost: 10m)
            .Truth();

        var costs = truth.Costs(Tenant, Period("today", Now), At(Now), s_priced);

        Assert.Equal("EUR", costs.Currency);
        Assert.Equal(new ExpectedConversationSpend(3, 600, 1.5m, 200, 0.5m), costs.PerConversation);
        Assert.Equal(new ExpectedAiResolutionCost(1, 0.5m, 0.5m), costs.AiResolution);
        Assert.Equal(new ExpectedHumanResolutionCost(1, 1m, 1.5, 45m, 46m), costs.HumanResolution);
        Assert.Equal(new ExpectedAutomation(1, 3, 1 / 3.0, 5m, 4.5m), costs.Automation);
    }

    [Fact]
    public void Figures_that_need_an_unset_setting_are_null()
    {
        var truth = new Scenario()
            .Conversation("ai", "2026-01-15T09:00:00Z", resolvedBy: "ai")
            .Conversation("human", "2026-01-15T09:00:00Z", resolvedBy: "human", handoffReason: "other")
            .Truth();

        var costs = truth.Costs(Tenant, Period("today", Now), At(Now), AnalyticsSettings.Default);

        Assert.Equal(new ExpectedHumanResolutionCost(1, 0m, 0, null, null), costs.HumanResolution);
        Assert.Equal(new ExpectedAutomation(1, 2, 0.5, null, null), costs.Automation);
        Assert.Null(costs.Budget.MonthlyBudget);
        Assert.Null(costs.Budget.OverBudget);
    }

    [Fact]
    public void Without_conversations_means_and_costs_per_resolution_are_null()
    {
        var costs = new Scenario().Truth().Costs(Tenant, Period("today", Now), At(Now), s_priced);

        Assert.Equal(new ExpectedConversationSpend(0, 0, 0m, null, null), costs.PerConversation);
        Assert.Equal(new ExpectedAiResolutionCost(0, 0m, null), costs.AiResolution);
        Assert.Equal(new ExpectedHumanResolutionCost(0, 0m, 0, 0m, null), costs.HumanResolution);
        Assert.Equal(new ExpectedAutomation(0, 0, 0, 0m, 0m), costs.Automation);
    }

    [Theory]
    [InlineData("2026-01-11T00:00:00+01:00", "2026-01-01T00:00:00+01:00", 31)]
    [InlineData("2026-04-11T00:00:00+02:00", "2026-04-01T00:00:00+02:00", 30)]
    public void The_budget_projects_the_local_months_spend_over_its_length(string now, string monthStart, int days)
    {
        var truth = new Scenario()
            .Started("c1", "2025-12-31T22:00:00Z")
            .Spent("c1", "2025-12-31T22:59:59Z", tokens: 1, cost: 50m)
            .Spent("c1", At(monthStart).ToString("o"), tokens: 1, cost: 4m)
            .Spent("c1", At(monthStart).AddDays(5).ToString("o"), tokens: 1, cost: 6m)
            .Spent("c1", At(monthStart).AddMonths(1).ToString("o"), tokens: 1, cost: 1000m)
            .Truth(s_madrid);

        var budget = truth.Costs(Tenant, Period("today", now, s_madrid), At(now), s_priced).Budget;

        Assert.Equal(At(monthStart), budget.MonthStart);
        Assert.Equal(At(monthStart).Offset, budget.MonthStart.Offset);
        Assert.Equal(10m, budget.SpendToDate);
        Assert.Equal(days, budget.ProjectedMonthEnd);
        Assert.Equal((100m, false), (budget.MonthlyBudget, budget.OverBudget));
    }

    [Fact]
    public void A_month_with_a_clock_change_is_an_hour_short_and_a_projection_above_the_budget_is_over_it()
    {
        var truth = new Scenario()
            .Started("c1", "2026-03-01T09:00:00+01:00")
            .Spent("c1", "2026-03-01T09:00:00+01:00", tokens: 1, cost: 40m)
            .Truth(s_madrid);
        var now = "2026-03-11T00:00:00+01:00";

        var budget = truth.Costs(Tenant, Period("today", now, s_madrid), At(now), s_priced).Budget;

        Assert.Equal(40m * ((31 * 24) - 1) / (10 * 24), budget.ProjectedMonthEnd);
        Assert.Equal(true, budget.OverBudget);
    }

    [Fact]
    public void The_budget_is_the_same_whatever_the_period()
    {
        var truth = new Scenario().Started("c1", "2026-01-02T09:00:00Z").Spent("c1", "2026-01-02T09:01:00Z", tokens: 1, cost: 3m).Truth();

        Assert.Equal(
            truth.Costs(Tenant, Period("today", Now), At(Now), s_priced).Budget,
            truth.Costs(Tenant, Period("90d", Now), At(Now), s_priced).Budget);
    }
}
