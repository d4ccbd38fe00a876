namespace ContactOS.Silo.Demo;

/// <summary>
/// The demo tenants: a telecom, an insurer and a retailer in three time zones, the insurer Spanish-speaking and paying
/// in euros. Each has its own agents (names of its locale) and the intents of its business, from the fixed set of
/// <see cref="ContactOS.Simulation.Traffic.IntentIds.All"/>.
/// </summary>
internal static class DemoTenants
{
    public static IReadOnlyList<DemoTenant> All { get; } =
    [
        new("acme", "Acme Telecom", "UTC", "en", Size: 1.0, AgentLocale: "en", SpanishShare: 0.05,
            ["technical_support", "service_check", "billing_question", "modify_plan", "upgrade_plan", "payment_issue", "password_reset", "cancel"],
            Currency: "USD", AgentCostPerHour: 28m, CostPerHumanConversation: 6.5m),
        new("iberia", "Iberia Seguros", "Europe/Madrid", "es", Size: 0.8, AgentLocale: "es", SpanishShare: 0.85,
            ["validate_document", "billing_question", "modify_plan", "change_address", "payment_issue", "refund_request", "cancel"],
            Currency: "EUR", AgentCostPerHour: 26m, CostPerHumanConversation: 6m),
        new("kolkata", "Kolkata Retail", "Asia/Kolkata", "en", Size: 0.6, AgentLocale: "en-IN", SpanishShare: 0,
            ["order_status", "delivery_delay", "refund_request", "payment_issue", "store_hours", "change_address", "password_reset"],
            Currency: "USD", AgentCostPerHour: 28m, CostPerHumanConversation: 6.5m),
    ];
}
