namespace ContactOS.Simulation.Traffic;

/// <summary>
/// The intent ids simulated traffic detects: a fixed set, so that a dashboard can give each one a display text in
/// every language it speaks.
/// </summary>
public static class IntentIds
{
    public static IReadOnlyList<string> All { get; } =
    [
        "service_check", "validate_document", "cancel", "modify_plan", "order_status", "billing_question", "technical_support",
        "change_address", "payment_issue", "upgrade_plan", "refund_request", "password_reset", "delivery_delay", "store_hours",
    ];
}
