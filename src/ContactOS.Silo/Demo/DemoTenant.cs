using ContactOS.Simulation.Traffic;

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
internal sealed record DemoTenant(
    string TenantId, string DisplayName, string TimeZone, string Language, double Size, string AgentLocale, double SpanishShare,
    IReadOnlyList<string> Intents)
{
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
