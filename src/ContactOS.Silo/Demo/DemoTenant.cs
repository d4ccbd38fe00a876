using ContactOS.Simulation.Traffic;
using ContactOS.Storage.Tenants;

namespace ContactOS.Silo.Demo;

/// <summary>A tenant that demo mode offers on the sign-in screen and feeds with traffic.</summary>
/// <param name="TenantId">The tenant id, as in the token's <c>tenant</c> claim.</param>
/// <param name="DisplayName">Stored in the tenant directory unless the tenant already has settings.</param>
/// <param name="TimeZone">IANA id: the three demo tenants live in different zones, so "today" differs between them.</param>
/// <param name="Language">The tenant's default language (<c>en</c> or <c>es</c>), stored with its settings.</param>
/// <param name="Size">Its weekday conversations as a share of <see cref="DemoOptions.ConversationsPerDay"/>.</param>
/// <param name="AgentLocale">Locale of its agents' names (<see cref="AgentNames.Locales"/>).</param>
/// <param name="SpanishShare">Share of its conversations in Spanish.</param>
/// <param name="Intents">Its intents, most frequent first: ids of <see cref="IntentIds.All"/> that fit its business.</param>
/// <param name="Currency">ISO 4217 code of its money figures.</param>
/// <param name="AgentCostPerHour">What an hour of one of its agents costs, in <paramref name="Currency"/>.</param>
/// <param name="CostPerHumanConversation">What a conversation handled by a human costs it, in <paramref name="Currency"/>.</param>
internal sealed record DemoTenant(
    string TenantId, string DisplayName, string TimeZone, string Language, double Size, string AgentLocale, double SpanishShare,
    IReadOnlyList<string> Intents, string Currency, decimal AgentCostPerHour, decimal CostPerHumanConversation)
{
    /// <summary>
    /// Model spend of a calendar month per conversation of a weekday's rate: the generator's AI messages (about 2.7 a
    /// conversation, 50 to 599 tokens, four in five at gpt-4o-mini's 0.000002 a token and one in five at gpt-4o's
    /// 0.0000125) measured 0.0988 over four weeks of acme's traffic. Change it with the generator's tokens or prices.
    /// </summary>
    private const decimal MonthlySpendPerWeekdayConversation = 0.0988m;

    /// <summary>The budget is this much above the spend the month projects to, so the Costs page shows a budget kept.</summary>
    private const decimal BudgetHeadroom = 1.15m;

    /// <summary>
    /// Its costs and a monthly budget about 15 % above what its traffic spends on the model in a month (rounded up to
    /// 0.05), so the Costs page shows every figure; the other analytics settings keep <paramref name="stored"/>'s.
    /// </summary>
    public TenantAnalyticsSettings Analytics(DemoOptions options, TenantAnalyticsSettings stored)
    {
        var spend = MonthlySpendPerWeekdayConversation * (decimal)(options.ConversationsPerDay * Size);
        return stored with
        {
            Currency = Currency,
            AgentCostPerHour = AgentCostPerHour,
            CostPerHumanConversation = CostPerHumanConversation,
            MonthlyBudget = Math.Ceiling(spend * BudgetHeadroom * 20) / 20,
        };
    }

    /// <summary>The tenant's traffic model: its history and its live stream both follow it.</summary>
    public TenantModel Model(DemoOptions options) => new()
    {
        TimeZone = TimeZone,
        ConversationsPerWeekday = options.ConversationsPerDay * Size,
        Locale = AgentLocale,
        SpanishShare = SpanishShare,
        Intents = Intents,
    };
}
